import Foundation
@testable import Reporting
import Testing

/// What the HTML page says, read from its markup: goldens per outcome, the summary, pointers,
/// the side-by-side view, escaping, redaction, and that nothing in it can fetch anything.
@Suite struct HTMLReportTests {
    static let page = HTMLReportWriter.render(HTMLFixtures.showcaseWithHTTPVersion)

    /// Opening tags of every `<article class="case …">`.
    static func articles(_ html: String) -> [String] {
        matches(#"<article class="case [^>]*>"#, in: html)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    /// The page's structure per outcome. The style sheet and script (and so their hashes) are
    /// elided: they are the same on every page, and `pageLoadsNothingAndDeclaresAStrictPolicy`
    /// checks them.
    @Test(arguments: Fixtures.goldens.map(\.name) + ["showcase"])
    func htmlMatchesGolden(_ name: String) throws {
        let report = name == "showcase" ? HTMLFixtures.showcase : GoldenTests.report(name)
        try Golden.check(Self.structure(HTMLReportWriter.render(report)), named: "\(name).html")
    }

    static func structure(_ page: String) -> String {
        var text = page
        for (pattern, replacement) in [
            (#"<style>[\s\S]*?</style>"#, "<style>…</style>"),
            (#"<script>[\s\S]*?</script>"#, "<script>…</script>"),
            (#"'sha256-[A-Za-z0-9+/=]+'"#, "'sha256-…'"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    @Test func summaryShowsVerdictCountsAndRunFacts() {
        let page = Self.page
        #expect(page.contains("<span class=\"verdict v-failed\" id=\"verdict\">FAILED</span>"))
        #expect(page.contains("<b>6</b> tests"))
        #expect(page.contains("<b>1</b> passed"))
        #expect(page.contains("<b>3</b> failed"))
        #expect(page.contains("<b>1</b> errors"))
        #expect(page.contains("<b>1</b> skipped"))
        #expect(page.contains("<dt>Run id</dt><dd>run-0001</dd>"))
        #expect(page.contains("<dt>Target</dt><dd>http://127.0.0.1:8080/beta</dd>"))
        #expect(page.contains("<dt>HTTP version</dt><dd>HTTP/2</dd>"))
        #expect(page.contains("<tr><th>retries</th><td><code>2</code></td></tr>"), "policy.retries in the policies table")
    }

    /// Verdicts in the exit code's precedence.
    @Test(arguments: [
        ("passing", "PASSED"), ("failing", "FAILED"), ("erroring", "ERRORS"), ("skipped", "PASSED"), ("mixed", "FAILED"),
        ("empty", "ERRORS"),
    ])
    func verdict(_ name: String, _ label: String) {
        #expect(HTMLReportWriter.render(GoldenTests.report(name)).contains("id=\"verdict\">\(label)</span>"))
    }

    @Test func interruptedRunWithoutFailuresSaysSo() {
        let report = Fixtures.run(Fixtures.erroring.suites, interrupted: true)
        #expect(HTMLReportWriter.render(report).contains("id=\"verdict\">INTERRUPTED</span>"))
    }

    @Test func chartHasOneBarGroupPerAreaInFirstSeenOrder() {
        let areas = Self.matches(##"<a href="#area=[^"]*" data-area="([^"]*)""##, in: Self.page)
        #expect(areas.map { $0.components(separatedBy: "data-area=\"")[1].dropLast() } == ["preservation", "auth", "partial"])
        #expect(Self.page.contains("<title>auth: 2 tests: 0 passed, 1 failed, 1 skipped</title>"))
        #expect(Self.page.contains("<rect class=\"b-failed\""))
    }

    @Test func everyCaseCarriesWhatTheFiltersRead() {
        let articles = Self.articles(Self.page)
        #expect(articles.count == 6)
        #expect(articles.filter { $0.contains("data-outcome=\"failed\"") }.count == 3)
        #expect(articles.contains { $0.contains("data-outcome=\"error\"") && $0.contains("data-area=\"partial\"") })
        #expect(articles.contains { $0.contains("data-outcome=\"skipped\"") && $0.contains("data-tags=\"auth inferred\"") })
        #expect(Self.page.contains("<option value=\"inferred\">inferred</option>"))
        #expect(Self.page.contains("<nav id=\"filters\" hidden"), "controls stay hidden until the script runs")
    }

    @Test func failingCaseListsEveryMismatchByPointerWithItsLocation() {
        #expect(Self.page.contains(
            "<li><code class=\"ptr\">/detail/jobTitle</code>: expected <code>&quot;Staff Engineer&quot; (unchanged since snapshot 'before')</code>"))
        #expect(Self.page.contains("<code class=\"ptr\">/detail/company/displayName</code>: expected"))
        #expect(Self.page.contains("at <code>cases/preservation/partial-patch.yaml:62:9</code>"))
        #expect(Self.page.contains("<span class=\"ptr\">response</span>: expected <code>status 401</code>, got <code>status 200</code>"))
        #expect(Self.page.contains("<code class=\"loc\">cases/preservation/partial-patch.yaml:55:5</code>"))
    }

    @Test func withoutTypedMismatchesTheDetailIsShownOpen() {
        #expect(Self.page.contains("<pre class=\"detail\">step 1 PATCH /me/profile/positions/42 -&gt; 200\n  /detail/startMonthYear: expected Edm.Date"))
    }

    @Test func retriesAndTranscriptAreThereTheTranscriptFolded() {
        #expect(Self.page.contains("Retried 1×:<ul>\n<li>429 — waited 1s (Retry-After) — <code>PATCH /me/profile/positions/42</code>"))
        #expect(Self.page.contains("<details class=\"transcript\"><summary>Transcript (redacted)</summary><pre>&gt; PATCH /me/profile/positions/42\n&gt; Authorization: [REDACTED]"))
    }

    /// A snapshot comparison shows once per case, however many mismatches repeat it.
    @Test func sideBySideHighlightsChangedAndReportedMembers() throws {
        #expect(Self.matches("<table class=\"sbs\">", in: Self.page).count == 1)
        let rows = Self.matches(#"<tr[^>]*data-pointer="[^"]*">.*?</tr>"#, in: Self.page)
        func row(_ pointer: String) -> String? { rows.first { $0.contains("data-pointer=\"\(pointer)\"") } }
        #expect(try #require(row("/detail/jobTitle")).hasPrefix("<tr class=\"chg bad\""))
        #expect(try #require(row("/detail/jobTitle")).contains("<td>    &quot;jobTitle&quot;: &quot;Staff Engineer&quot;,</td><td>    &quot;jobTitle&quot;: &quot;Engineer&quot;,</td>"))
        #expect(try #require(row("/detail/company/displayName")).contains("<td class=\"gap\"></td>"), "absent member faces a blank cell")
        #expect(try #require(row("/detail/company/displayName")).hasPrefix("<tr class=\"chg bad\""))
        #expect(try #require(row("/isCurrent")).hasPrefix("<tr class=\"chg\""), "changed but allowed: not reported")
        #expect(try #require(row("/lastModifiedDateTime")).hasPrefix("<tr class=\"chg\""))
        #expect(try #require(row("/id")).hasPrefix("<tr data-pointer"), "unchanged members are plain")
    }

    @Test func bodiesThatAreNotJSONFallBackToPlainColumns() {
        let text = HTMLSideBySide(comparison: .init(snapshot: "{\"a\":1", current: "<b>x</b>"), unexpected: ["/a"]).rendered()
        #expect(text.contains("<td>{&quot;a&quot;:1</td><td>&lt;b&gt;x&lt;/b&gt;</td>"))
    }

    /// Server text is only ever text: one script element (ours), no element it names.
    @Test func hostileServerTextIsEscaped() {
        #expect(Self.matches("<script", in: Self.page).count == 1)
        #expect(Self.matches("<img|<link|<style", in: Self.page) == ["<style"])
        #expect(Self.page.contains("&lt;script&gt;document.title="))
        #expect(!Self.page.contains("onerror=\""))
    }

    @Test func everythingJUnitRedactsIsRedacted() {
        let secret = "s3cr3t-token-value"
        var report = HTMLFixtures.showcase
        report.suites[0].cases[0].transcript! += "\nX-Token: " + secret
        let page = HTMLReportWriter.render(report, options: { var o = HTMLOptions(); o.secrets = [secret]; return o }())
        #expect(!page.contains(secret))
        #expect(!page.contains(Fixtures.jwt))
        #expect(!page.contains("abc.def"))
        #expect(page.contains("[REDACTED]"))
    }

    /// Nothing on the page names a resource to fetch; the policy forbids it anyway.
    @Test func pageLoadsNothingAndDeclaresAStrictPolicy() throws {
        let fetching = Self.matches(#"\s(?:src|href|action|srcset|poster|data|formaction)="(?!#)[^"]*""#, in: Self.page)
        #expect(fetching.isEmpty, "\(fetching)")
        let policy = try #require(Self.matches(#"<meta http-equiv="Content-Security-Policy" content="[^"]*">"#, in: Self.page).first)
        #expect(policy.contains("default-src 'none'"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
        let script = try #require(Self.page.range(of: "<script>")).upperBound
        let scriptEnd = try #require(Self.page.range(of: "</script>")).lowerBound
        #expect(policy.contains("script-src 'sha256-\(SHA256.base64(String(Self.page[script..<scriptEnd])))'"))
        let style = try #require(Self.page.range(of: "<style>")).upperBound
        let styleEnd = try #require(Self.page.range(of: "</style>")).lowerBound
        #expect(policy.contains("style-src 'sha256-\(SHA256.base64(String(Self.page[style..<styleEnd])))'"))
        #expect(Self.matches(##"\sstyle="|\son[a-z]+=""##, in: Self.page).isEmpty, "attributes the policy would block")
    }

    @Test func failureIndexLinksToEachFailingCase() {
        #expect(Self.page.contains("<h2>Failures and errors (4)</h2>"))
        #expect(Self.page.contains("<a href=\"#case-2-1\">partial › PATCH with a body the server cannot read</a>"))
        #expect(Self.page.contains("id=\"case-2-1\""))
    }

    /// The whole catalogue failing stays small; its timing lives in benchmarks/html-report.sh.
    @Test func largeRunStaysSmallAndComplete() {
        let page = HTMLReportWriter.render(HTMLFixtures.large(count: 200))
        #expect(page.utf8.count < 4 << 20, "\(page.utf8.count) bytes")
        #expect(Self.articles(page).filter { $0.contains("data-outcome=\"failed\"") }.count == 200)
        #expect(Self.matches("<table class=\"sbs\">", in: page).count == 200)
    }

    /// Past the page cap, text is cut, never cases.
    @Test func overCapPageCutsTextNotCases() {
        var options = HTMLOptions()
        options.maxFileBytes = 250 * 1024
        let page = HTMLReportWriter.render(HTMLFixtures.large(count: 50), options: options)
        #expect(page.utf8.count <= 250 * 1024)
        #expect(Self.articles(page).count == 50)
        #expect(page.contains("<dt>Report cut</dt>"))
    }

    @Test(arguments: [
        (["cases/auth/a.yaml", "cases/partial/b.yaml"], ["auth", "partial"]),
        (["cases/auth/a.yaml", "cases/auth/b.yaml"], ["auth", "auth"]),
        (["cases/enums/x/a.yaml", "cases/auth/b.yaml", "cases/top.yaml"], ["enums", "auth", "cases"]),
        (["/abs/cases/auth/a.yaml", "/abs/cases/semantics/b.yaml"], ["auth", "semantics"]),
        (["a.yaml", ""], ["other", "other"]),
    ])
    func areaIsTheFirstFolderUnderTheSharedRoot(_ paths: [String], _ areas: [String]) {
        #expect(CaseArea.areas(of: paths) == areas)
    }
}
