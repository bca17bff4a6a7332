/// The Markdown appended to `$GITHUB_STEP_SUMMARY`: verdict, counts, a table per area, and the
/// failures with their pointers, shown on the job's summary page.
///
/// GitHub caps a step's summary at 1 MiB; the list stops after `maxListedCases` and says how many
/// more there are (the HTML report and JUnit file have them all).
enum GitHubStepSummary {
    static let maxListedCases = 100
    static let maxMismatchesPerCase = 5

    static func markdown(_ report: RunReport, htmlPath: String? = nil) -> String {
        let totals = ReportTotals(report)
        let verdict = RunVerdict(report)
        var lines = ["## \(MarkdownText.text(report.name)): \(verdict.label)", ""]
        var facts = "**\(totals.tests)** tests · **\(totals.passed)** passed · **\(totals.failures)** failed"
            + " · **\(totals.errors)** errors · **\(totals.skipped)** skipped · \(ReportFormat.seconds(totals.time)) s"
        if let target = report.properties.first(where: { $0.name == "target.baseURL" })?.value {
            facts += " · target \(MarkdownText.code(target))"
        }
        facts += " · run \(MarkdownText.code(report.runID))"
        lines += [facts, ""]
        let areas = CaseArea.areas(of: report.suites.map(\.file))
        lines += areaTable(report, areas: areas)
        var listed: [String] = []
        var unlisted = 0
        for (index, suite) in report.suites.enumerated() {
            for item in suite.cases {
                guard let problem = item.outcome.problem else { continue }
                guard listed.count < maxListedCases else { unlisted += 1; continue }
                listed.append(entry(item, problem: problem, area: areas[index]))
            }
        }
        if !listed.isEmpty {
            lines += ["", "### Failures and errors", ""] + listed
            if unlisted > 0 { lines.append("- … and \(unlisted) more") }
        }
        if let htmlPath {
            lines += ["", "Full report: \(MarkdownText.code(htmlPath)) (in the job's artifacts)."]
        }
        return TextCap.bytes(lines.joined(separator: "\n") + "\n", max: 900 * 1024)
    }

    private static func areaTable(_ report: RunReport, areas: [String]) -> [String] {
        var lines = ["| area | tests | passed | failed | errors | skipped |", "|---|---:|---:|---:|---:|---:|"]
        for (area, totals) in CaseArea.totals(of: report, areas: areas) {
            lines.append("| \(MarkdownText.text(area)) | \(totals.tests) | \(totals.passed) | \(totals.failures) | \(totals.errors) | \(totals.skipped) |")
        }
        return lines
    }

    private static func entry(_ item: CaseReport, problem: Problem, area: String) -> String {
        let label = item.outcome.kind == "failed" ? "FAIL" : "ERROR"
        var text = "- **\(label)** \(MarkdownText.text(area)) › \(MarkdownText.text(item.name))"
        if let location = item.location { text += " — \(MarkdownText.code(location))" }
        if problem.mismatches.isEmpty {
            text += "\n  - \(MarkdownText.text(problem.message))"
        }
        for mismatch in problem.mismatches.prefix(maxMismatchesPerCase) {
            text += "\n  - \(MarkdownText.code(mismatch.pointer ?? "response")): expected \(MarkdownText.code(mismatch.expected)),"
                + " got \(MarkdownText.code(mismatch.actual))"
        }
        if problem.mismatches.count > maxMismatchesPerCase {
            text += "\n  - … \(problem.mismatches.count - maxMismatchesPerCase) more"
        }
        return text
    }
}
