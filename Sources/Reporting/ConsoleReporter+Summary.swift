/// The end-of-run summary: per-suite table, each failure and error, report paths, count line.
extension ConsoleReporter {
    /// Prints the summary of `report`, prepared exactly as for the report files so the numbers
    /// match the JUnit file (an empty run shows its one "no test cases ran" error).
    ///
    /// The last line is always the plain count line, e.g. "41 passed, 2 failed, 1 skipped": CI log
    /// parsers look for "N passed, N failed" alone on a line, so it carries no colour and no prefix.
    public func summary(_ report: RunReport, junitPath: String?, jsonPath: String?) {
        summary(PreparedReport(report, policy: cleaner.policy), junitPath: junitPath, jsonPath: jsonPath)
    }

    /// As above, for the report the files were written from (prepared once for all outputs).
    public func summary(_ preparedReport: PreparedReport, junitPath: String?, jsonPath: String?) {
        let prepared = preparedReport.report
        var lines: [String] = []
        if verbosity != .quiet {
            lines.append("")
            lines += suiteTable(prepared)
        }
        let problems = prepared.suites.flatMap(\.cases).filter {
            switch $0.outcome {
            case .failed, .error: true
            case .passed, .skipped: false
            }
        }
        if !problems.isEmpty {
            lines.append("")
            lines.append(style.bold("Failures and errors:"))
            for item in problems {
                lines.append(style.label(item.outcome) + " " + caseTitle(classname: item.classname, name: item.name, prepared: true))
                lines += problemLines(item, indent: "  ", prepared: true)
            }
        }
        if verbosity != .quiet {
            let paths = [("JUnit report", junitPath), ("JSON report", jsonPath)].compactMap { label, path in
                path.map { "\(label): \($0)" }
            }
            let target = [Self.targetLine(prepared), Self.paceLine(prepared)].compactMap { $0 }
            if !paths.isEmpty || !target.isEmpty {
                lines.append("")
                lines += target + paths
            }
        }
        if prepared.interrupted {
            lines.append(style.yellow("Interrupted: cases that had not finished are reported as errors."))
        }
        lines.append(Self.countLine(ReportTotals(prepared)))
        emit(lines.joined(separator: "\n") + "\n")
    }

    /// "41 passed, 2 failed" plus ", N errors" and ", N skipped" when non-zero. The words never
    /// change with the number, so a parser needs one pattern.
    public static func countLine(_ totals: ReportTotals) -> String {
        var line = "\(totals.passed) passed, \(totals.failures) failed"
        if totals.errors > 0 { line += ", \(totals.errors) errors" }
        if totals.skipped > 0 { line += ", \(totals.skipped) skipped" }
        return line
    }

    /// Suite name, then tests, passed, failed, errors, skipped and time, right-aligned.
    func suiteTable(_ report: RunReport) -> [String] {
        let header = ["Suite", "Tests", "Passed", "Failed", "Errors", "Skipped", "Time"]
        var rows = report.suites.map { suite -> [String] in
            let totals = ReportTotals(suite)
            return [suite.name] + row(totals)
        }
        rows.append(["Total"] + row(ReportTotals(report)))
        let nameWidth = min(48, ([header] + rows).map { $0[0].count }.max() ?? 5)
        let widths = (1..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ cells: [String]) -> String {
            let name = cells[0].count > nameWidth ? String(cells[0].prefix(nameWidth - 1)) + "…" : cells[0]
            var line = name + String(repeating: " ", count: nameWidth - name.count)
            for (column, width) in widths.enumerated() {
                let cell = cells[column + 1]
                line += "  " + String(repeating: " ", count: width - cell.count) + cell
            }
            return line
        }
        return [style.bold(format(header))] + rows.map(format)
    }

    private func row(_ totals: ReportTotals) -> [String] {
        [totals.tests, totals.passed, totals.failures, totals.errors, totals.skipped].map(String.init)
            + [ReportFormat.seconds(totals.time) + "s"]
    }
}
