/// Writes the elements of a prepared report; `JUnitWriter` decides what goes in.
///
/// Every attribute value goes through `XMLText.escapeAttribute` and every text node through
/// `XMLText.escapeText`, here and nowhere else, so nothing reaches the file unescaped.
enum JUnitDocument {
    static func render(_ report: RunReport, options: JUnitOptions) -> String {
        let totals = ReportTotals(report)
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += "<testsuites" + attributes([
            ("name", report.name), ("tests", "\(totals.tests)"), ("failures", "\(totals.failures)"),
            ("errors", "\(totals.errors)"), ("time", ReportFormat.seconds(totals.time)),
        ]) + ">\n"
        for (index, suite) in report.suites.enumerated() {
            writeSuite(suite, id: index, report: report, options: options, into: &out)
        }
        out += "</testsuites>\n"
        return out
    }

    private static func writeSuite(
        _ suite: SuiteReport, id: Int, report: RunReport, options: JUnitOptions, into out: inout String
    ) {
        let totals = ReportTotals(suite)
        out += "  <testsuite" + attributes([
            ("name", suite.name), ("tests", "\(totals.tests)"), ("failures", "\(totals.failures)"),
            ("errors", "\(totals.errors)"), ("skipped", "\(totals.skipped)"),
            ("time", ReportFormat.seconds(totals.time)), ("timestamp", ReportFormat.timestamp(suite.timestamp)),
            ("hostname", report.hostname), ("id", "\(id)"), ("package", JUnitWriter.package),
            ("file", suite.file.isEmpty ? nil : suite.file),
        ]) + ">\n"
        if !report.properties.isEmpty {
            out += "    <properties>\n"
            for property in report.properties {
                out += "      <property" + attributes([("name", property.name), ("value", property.value)]) + "/>\n"
            }
            out += "    </properties>\n"
        }
        for item in suite.cases {
            writeCase(item, file: options.gitlabFileAttribute && !suite.file.isEmpty ? suite.file : nil, into: &out)
        }
        out += "  </testsuite>\n"
    }

    private static func writeCase(_ item: CaseReport, file: String?, into out: inout String) {
        out += "    <testcase" + attributes([
            ("name", item.name), ("classname", item.classname), ("time", ReportFormat.seconds(item.time)), ("file", file),
        ])
        var children: [String] = []
        switch item.outcome {
        case .passed:
            break
        case .failed(let problem):
            children.append(element("failure", [("message", problem.message), ("type", problem.type)],
                                    text: problemText(problem, location: item.location)))
        case .error(let problem):
            children.append(element("error", [("message", problem.message), ("type", problem.type)],
                                    text: problemText(problem, location: item.location)))
        case .skipped(let reason):
            children.append(element("skipped", [("message", reason)], text: reason))
        }
        for retry in item.retries {
            children.append(element("flakyFailure", [("type", "graph.retry"), ("message", retryMessage(retry))], text: nil))
        }
        if let output = systemOut(item) {
            children.append(element("system-out", [], text: output))
        }
        if children.isEmpty {
            out += "/>\n"
            return
        }
        out += ">\n"
        for child in children {
            out += "      " + child + "\n"
        }
        out += "    </testcase>\n"
    }

    /// Rule 10: the location goes on its own line with a leading space, where mikepenz looks for it.
    static func problemText(_ problem: Problem, location: String?) -> String {
        guard let location else { return problem.text }
        return problem.text + "\n  at " + location
    }

    /// "429 Retry-After 1s: PATCH /me/profile/positions/42".
    static func retryMessage(_ retry: RetryNote) -> String {
        "\(retry.status) Retry-After \(ReportFormat.shortSeconds(retry.retryAfterSeconds)): \(retry.request)"
    }

    /// Transcript followed by one `client-request-id:` line per request, or nil when both are empty.
    static func systemOut(_ item: CaseReport) -> String? {
        var parts: [String] = []
        if let transcript = item.transcript { parts.append(transcript) }
        parts += item.clientRequestIDs.map { "client-request-id: \($0)" }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    private static func element(_ name: String, _ attrs: [(String, String?)], text: String?) -> String {
        guard let text else { return "<\(name)" + attributes(attrs) + "/>" }
        return "<\(name)" + attributes(attrs) + ">" + XMLText.escapeText(text) + "</\(name)>"
    }

    private static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(XMLText.escapeAttribute($0))\"" } }.joined()
    }
}
