/// One prepared report laid out as the HTML page; `HTMLReportWriter` is the public door.
///
/// Order on the page: summary (verdict, counts, facts, chart, policies), an index of the
/// failures, the filter bar (hidden until the script shows it), then every suite and case.
/// Everything is readable with JavaScript off; the script only hides what a filter excludes.
struct HTMLPage {
    let report: RunReport
    let totals: ReportTotals
    let verdict: RunVerdict
    /// Area of each suite, by suite index.
    let areas: [String]

    init(_ prepared: RunReport) {
        report = prepared
        totals = ReportTotals(prepared)
        verdict = RunVerdict(prepared)
        areas = CaseArea.areas(of: prepared.suites.map(\.file))
    }

    func rendered() -> String {
        var out = ""
        out.reserveCapacity(64 * 1024 + totals.tests * 2048)
        out += "<!DOCTYPE html>\n<html lang=\"en\" data-js=\"off\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLText.attribute(HTMLAssets.contentSecurityPolicy))\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTMLText.text(title))</title>\n"
        out += "<style>\(HTMLAssets.style)</style>\n</head>\n<body>\n"
        summary(into: &out)
        failureIndex(into: &out)
        filters(into: &out)
        out += "<main id=\"cases\">\n"
        for (index, suite) in report.suites.enumerated() {
            self.suite(suite, index: index, into: &out)
        }
        out += "</main>\n<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// "graph-conformance: FAILED, 3 failed of 179 — embedded": what a browser tab should say.
    var title: String {
        var text = "\(report.name): \(verdict.label)"
        if totals.failures > 0 { text += ", \(totals.failures) failed of \(totals.tests)" }
        if let target = property("target.name") ?? property("target.baseURL") { text += " — \(target)" }
        return text
    }

    func property(_ name: String) -> String? {
        report.properties.first { $0.name == name }?.value
    }

    static func badge(_ outcome: CaseOutcome) -> String {
        switch outcome {
        case .passed: "<span class=\"badge b-passed\">PASS</span>"
        case .failed: "<span class=\"badge b-failed\">FAIL</span>"
        case .error: "<span class=\"badge b-error\">ERROR</span>"
        case .skipped: "<span class=\"badge b-skipped\">SKIP</span>"
        }
    }

    static func caseID(suite: Int, item: Int) -> String { "case-\(suite)-\(item)" }
}
