/// The HTML report's only style sheet and script, inline, and the Content-Security-Policy that
/// allows exactly these two and nothing else.
///
/// The page must work from disk and as a CI artifact with no network, so there is no external
/// file, font or CDN. The policy is `default-src 'none'` plus the SHA-256 of each inline block,
/// computed from the very text that is written (CSP Level 3, "hash-source"): a script or style a
/// hostile server smuggled in would not match a hash and would not run. No element carries a
/// `style` attribute, which the policy would block.
enum HTMLAssets {
    /// The `content` of the CSP `<meta>`: nothing may load; only our block of style and of script runs.
    static let contentSecurityPolicy = [
        "default-src 'none'",
        "style-src 'sha256-\(SHA256.base64(style))'",
        "script-src 'sha256-\(SHA256.base64(script))'",
        "base-uri 'none'",
        "form-action 'none'",
    ].joined(separator: "; ")

    /// System fonts only; light and dark; status is never colour alone (every badge has a word).
    static let style = """

        :root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--code:#f6f8fa;\
        --pass:#1a7f37;--fail:#cf222e;--err:#9a4b00;--skip:#6e7781;--chg:#fff3c4;--bad:#ffd8d5;--gap:#eef1f4}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;\
        --code:#151b23;--pass:#3fb950;--fail:#f85149;--err:#db6d28;--skip:#9198a1;--chg:#3d3000;--bad:#67060c;--gap:#1c2128}}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);\
        margin:0 auto;max-width:1280px;padding:0 16px 48px}
        h1{font-size:22px;margin:20px 0 6px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
        h3{font-size:14px;margin:0}code,pre,.sbs td{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        pre{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:8px;overflow:auto;white-space:pre-wrap;\
        word-break:break-word;max-height:480px;margin:6px 0}
        .verdict{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-size:14px;vertical-align:middle}
        .v-passed{background:var(--pass)}.v-failed{background:var(--fail)}.v-errors,.v-interrupted{background:var(--err)}
        .counts{font-size:16px;margin:6px 0 12px}.counts b{font-variant-numeric:tabular-nums}
        .n-passed{color:var(--pass)}.n-failed{color:var(--fail)}.n-error{color:var(--err)}.n-skipped{color:var(--skip)}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 12px}.facts dt{color:var(--muted)}.facts dd{margin:0}
        table.props{border-collapse:collapse;margin:6px 0}table.props td,table.props th{border:1px solid var(--line);\
        padding:2px 8px;text-align:left;vertical-align:top}
        .chart{max-width:100%;height:auto}.chart text{font-size:12px;fill:currentColor}.chart .b-passed{fill:var(--pass)}.chart .b-failed{fill:var(--fail)}\
        .chart .b-error{fill:var(--err)}.chart .b-skipped{fill:var(--skip)}
        #filters{position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 0;display:flex;\
        flex-wrap:wrap;gap:6px 16px;align-items:center;z-index:1}#filters[hidden]{display:none}
        #filters input[type=search]{min-width:240px}
        .case{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:6px 10px}
        .case.failed{border-left:4px solid var(--fail)}.case.error{border-left:4px solid var(--err)}
        .case.skipped{border-left:4px solid var(--skip)}.case.passed{border-left:4px solid var(--pass)}
        .badge{display:inline-block;min-width:44px;text-align:center;font-size:11px;font-weight:600;border-radius:4px;\
        padding:0 4px;margin-right:6px;color:#fff}.b-failed{background:var(--fail)}.b-error{background:var(--err)}\
        .b-skipped{background:var(--skip)}.b-passed{background:var(--pass)}
        .where,.meta{color:var(--muted);margin:2px 0;font-size:12px}.tag{border:1px solid var(--line);border-radius:8px;padding:0 6px;margin-left:4px}
        .mismatches{margin:6px 0;padding-left:18px}.mismatches li{margin:2px 0}.ptr{font-weight:600}
        .retries{margin:4px 0;color:var(--err)}
        table.sbs{border-collapse:collapse;width:100%;table-layout:fixed;margin:6px 0}
        .sbs th{text-align:left;font-size:12px;color:var(--muted);border-bottom:1px solid var(--line)}
        .sbs td{white-space:pre-wrap;word-break:break-word;padding:0 6px;vertical-align:top;border-left:1px solid var(--line)}
        .sbs tr.chg td{background:var(--chg)}.sbs tr.bad td{background:var(--bad);font-weight:600}.sbs td.gap{background:var(--gap)}
        .legend{font-size:12px;color:var(--muted)}.legend span{padding:0 6px}.legend .l-chg{background:var(--chg)}.legend .l-bad{background:var(--bad)}
        ul.index{columns:2;padding-left:18px}@media (max-width:800px){ul.index{columns:1}.facts{grid-template-columns:1fr}}
        [hidden]{display:none!important}

        """

    /// Filters (outcome, area, tag, text) that also read and write the URL fragment, e.g.
    /// `report.html#outcome=failed,error&area=auth`, so a filtered view can be linked.
    /// Fragments without "=" are ordinary anchors and are left alone.
    static let script = """

        (function () {
          'use strict';
          var root = document.documentElement;
          root.setAttribute('data-js', 'on');
          var nav = document.getElementById('filters');
          if (!nav) { return; }
          nav.hidden = false;
          var cases = Array.prototype.slice.call(document.querySelectorAll('article.case'));
          var texts = cases.map(function (c) { return c.textContent.toLowerCase(); });
          var suites = Array.prototype.slice.call(document.querySelectorAll('section.suite'));
          var boxes = Array.prototype.slice.call(nav.querySelectorAll('input[name=outcome]'));
          var area = document.getElementById('f-area');
          var tag = document.getElementById('f-tag');
          var query = document.getElementById('f-q');
          var shown = document.getElementById('f-shown');
          function current() {
            return {
              outcomes: boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
              area: area.value, tag: tag.value, q: query.value.trim().toLowerCase()
            };
          }
          function apply(s) {
            var count = 0;
            cases.forEach(function (c, i) {
              var tags = ' ' + (c.getAttribute('data-tags') || '') + ' ';
              var ok = s.outcomes.indexOf(c.getAttribute('data-outcome')) >= 0 &&
                (!s.area || c.getAttribute('data-area') === s.area) &&
                (!s.tag || tags.indexOf(' ' + s.tag + ' ') >= 0) &&
                (!s.q || texts[i].indexOf(s.q) >= 0);
              c.hidden = !ok;
              if (ok) { count += 1; }
            });
            suites.forEach(function (section) {
              section.hidden = !section.querySelector('article.case:not([hidden])');
            });
            shown.textContent = count + ' of ' + cases.length + ' cases shown';
          }
          function readHash() {
            var hash = location.hash.slice(1);
            if (hash.indexOf('=') < 0) { return; }
            var params = new URLSearchParams(hash);
            if (params.has('outcome')) {
              var wanted = params.get('outcome').split(',');
              boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
            }
            area.value = params.get('area') || '';
            tag.value = params.get('tag') || '';
            query.value = params.get('q') || '';
          }
          function writeHash(s) {
            var params = new URLSearchParams();
            if (s.outcomes.length !== boxes.length) { params.set('outcome', s.outcomes.join(',')); }
            if (s.area) { params.set('area', s.area); }
            if (s.tag) { params.set('tag', s.tag); }
            if (s.q) { params.set('q', s.q); }
            var text = params.toString();
            history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
          }
          function changed() { var s = current(); apply(s); writeHash(s); }
          boxes.forEach(function (b) { b.addEventListener('change', changed); });
          area.addEventListener('change', changed);
          tag.addEventListener('change', changed);
          query.addEventListener('input', changed);
          window.addEventListener('hashchange', function () { readHash(); apply(current()); });
          readHash();
          apply(current());
        })();

        """
}
