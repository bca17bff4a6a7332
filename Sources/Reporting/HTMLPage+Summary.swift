/// The top of the page: verdict, counts, the run's facts, the area chart, policies, properties,
/// and the index of failures.
extension HTMLPage {
    func summary(into out: inout String) {
        out += "<header id=\"summary\">\n"
        out += "<h1>\(HTMLText.text(report.name)) <span class=\"verdict v-\(verdict.rawValue)\" id=\"verdict\">\(verdict.label)</span></h1>\n"
        out += "<p class=\"counts\" id=\"counts\">" + countsLine(totals) + "</p>\n"
        facts(into: &out)
        out += HTMLAreaChart(rows: CaseArea.totals(of: report, areas: areas)).rendered()
        policies(into: &out)
        otherProperties(into: &out)
        out += "</header>\n"
    }

    /// "<b>179</b> tests · <b>170</b> passed · …"; zero failures, errors and skips still shown, so
    /// a reader never wonders whether a number was left out.
    func countsLine(_ totals: ReportTotals) -> String {
        [
            "<span data-count=\"tests\"><b>\(totals.tests)</b> tests</span>",
            "<span class=\"n-passed\" data-count=\"passed\"><b>\(totals.passed)</b> passed</span>",
            "<span class=\"n-failed\" data-count=\"failed\"><b>\(totals.failures)</b> failed</span>",
            "<span class=\"n-error\" data-count=\"errors\"><b>\(totals.errors)</b> errors</span>",
            "<span class=\"n-skipped\" data-count=\"skipped\"><b>\(totals.skipped)</b> skipped</span>",
            "<span data-count=\"time\">\(ReportFormat.seconds(totals.time)) s</span>",
        ].joined(separator: " · ")
    }

    /// Target, run id, negotiated HTTP version, start, host; each only when the report has it.
    private func facts(into out: inout String) {
        var rows: [(String, String)] = []
        let target = [property("target.name"), property("target.baseURL")].compactMap { $0 }.filter { !$0.isEmpty }
        if !target.isEmpty { rows.append(("Target", target.joined(separator: " — "))) }
        rows.append(("Run id", report.runID.isEmpty ? (property("run.id") ?? "") : report.runID))
        // Another part of the suite names it; any spelling of "http version" counts.
        if let http = report.properties.first(where: { Self.isHTTPVersion($0.name) }) {
            rows.append(("HTTP version", http.value))
        }
        if let tls = property("tls.verify") { rows.append(("TLS verification", tls)) }
        rows.append(("Started", ReportFormat.timestamp(report.startedAt)))
        rows.append(("Host", report.hostname))
        if report.interrupted { rows.append(("Interrupted", "yes: cases that had not finished are errors")) }
        if let note = property("report.truncated") { rows.append(("Report cut", note)) }
        out += "<dl class=\"facts\">\n"
        for (name, value) in rows {
            out += "<dt>\(name)</dt><dd>\(HTMLText.text(value))</dd>\n"
        }
        out += "</dl>\n"
    }

    static func isHTTPVersion(_ name: String) -> Bool {
        name.lowercased().filter(\.isLetter).hasSuffix("httpversion")
    }

    private func policies(into out: inout String) {
        let policies = report.properties.filter { $0.name.hasPrefix("policy.") }
        guard !policies.isEmpty else { return }
        out += "<h2>Policies in force</h2>\n<table class=\"props\" id=\"policies\">\n"
        for policy in policies {
            out += "<tr><th>\(HTMLText.text(String(policy.name.dropFirst("policy.".count))))</th>"
            out += "<td><code>\(HTMLText.text(policy.value))</code></td></tr>\n"
        }
        out += "</table>\n"
    }

    /// Every other run property, whatever the runner chose to record.
    private func otherProperties(into out: inout String) {
        let others = report.properties.filter { !$0.name.hasPrefix("policy.") }
        guard !others.isEmpty else { return }
        out += "<details id=\"properties\"><summary>Run properties (\(others.count))</summary>\n<table class=\"props\">\n"
        for property in others {
            out += "<tr><th>\(HTMLText.text(property.name))</th><td><code>\(HTMLText.text(property.value))</code></td></tr>\n"
        }
        out += "</table>\n</details>\n"
    }

    /// Links to every failed and errored case: the reading list, usable without JavaScript.
    func failureIndex(into out: inout String) {
        var items: [String] = []
        for (suiteIndex, suite) in report.suites.enumerated() {
            for (caseIndex, item) in suite.cases.enumerated() where item.outcome.problem != nil {
                items.append(indexItem(item, suite: suiteIndex, index: caseIndex))
            }
        }
        guard !items.isEmpty else { return }
        out += "<nav id=\"failures\"><h2>Failures and errors (\(items.count))</h2>\n<ul class=\"index\">\n"
        out += items.joined()
        out += "</ul>\n</nav>\n"
    }

    private func indexItem(_ item: CaseReport, suite: Int, index: Int) -> String {
        let location = item.location.map { " <code>\(HTMLText.text($0))</code>" } ?? ""
        return "<li>\(Self.badge(item.outcome))<a href=\"#\(Self.caseID(suite: suite, item: index))\">"
            + "\(HTMLText.text(areas[suite])) › \(HTMLText.text(item.name))</a>\(location)</li>\n"
    }
}
