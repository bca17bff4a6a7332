import Foundation

/// GitHub Actions workflow commands for each failed or errored case, so the failure lands on the
/// case-file line in the pull request's diff view:
///
/// ```
/// ::error file=cases/partial/settable-properties.yaml,line=88,col=11,title=FAIL partial › PATCH detail alone::/detail/startMonthYear: expected Edm.Date, got "2019-04-01T00:00:00Z"
/// ```
///
/// Escaping follows the runner's own (actions/toolkit `command.ts`): in the message `%`, CR and
/// LF become `%25`, `%0D`, `%0A`, so text from a server can never end the line and start a
/// command of its own; property values also escape `:` and `,`.
/// See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
enum GitHubAnnotations {
    /// Mismatch lines per annotation before "… N more"; GitHub shows only the first lines anyway.
    static let maxMismatchLines = 10

    /// One `::error` line per failed or errored case of a prepared report, in report order.
    static func commands(_ report: RunReport, workspace: String? = nil) -> [String] {
        var lines: [String] = []
        let areas = CaseArea.areas(of: report.suites.map(\.file))
        for (index, suite) in report.suites.enumerated() {
            for item in suite.cases {
                guard let problem = item.outcome.problem else { continue }
                let label = item.outcome.kind == "failed" ? "FAIL" : "ERROR"
                var properties: [(String, String)] = []
                if let place = place(of: item, problem: problem, suiteFile: suite.file, workspace: workspace) {
                    properties.append(("file", place.file))
                    if let line = place.line { properties.append(("line", String(line))) }
                    if let column = place.column { properties.append(("col", String(column))) }
                }
                properties.append(("title", "\(label) \(areas[index]) › \(item.name)"))
                let rendered = properties.map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
                lines.append("::error \(rendered)::\(escapeData(message(problem)))")
            }
        }
        return lines
    }

    /// The case's own location, else its first mismatch's, else the suite's file at line 1.
    static func place(of item: CaseReport, problem: Problem, suiteFile: String, workspace: String?) -> ReportLocation? {
        let text = item.location ?? problem.mismatches.compactMap(\.location).first
        var place = text.map(ReportLocation.init) ?? (suiteFile.isEmpty ? nil : ReportLocation(file: suiteFile, line: 1))
        if let workspace, !workspace.isEmpty, let found = place, found.file.hasPrefix(workspace + "/") {
            place?.file = String(found.file.dropFirst(workspace.count + 1))
        }
        return place
    }

    /// The message, then one line per mismatch; without mismatches the problem's detail.
    static func message(_ problem: Problem) -> String {
        var lines = [problem.message]
        if problem.mismatches.isEmpty {
            lines += problem.detail.split(whereSeparator: \.isNewline).map(String.init)
                .filter { $0 != problem.message }.prefix(maxMismatchLines)
        } else {
            for mismatch in problem.mismatches.prefix(maxMismatchLines) {
                lines.append("\(mismatch.pointer ?? "response"): expected \(mismatch.expected), got \(mismatch.actual)")
            }
            if problem.mismatches.count > maxMismatchLines {
                lines.append("… \(problem.mismatches.count - maxMismatchLines) more")
            }
        }
        return TextCap.bytes(lines.joined(separator: "\n"), max: 4096)
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
