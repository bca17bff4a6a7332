import Foundation
import Reporting

/// Which cases catch which built-in defect of the mock: the evidence that each case earns its
/// place and that every defect has a case that catches it.
public struct KillMatrix: Sendable {
    public struct Row: Sendable {
        public var defect: String
        public var summary: String
        /// Cases that reported a contract failure against this defect.
        public var failedCases: [String]
        /// Cases that could not run against it (errors): a signal, but not a verdict.
        public var erroredCases: [String]
        public var caught: Bool { !failedCases.isEmpty }
    }

    public var caseNames: [String]
    /// Cases that did not pass against the clean mock: each one is a false alarm.
    public var falseFailures: [String]
    public var rows: [Row]

    /// `clean` holds the runs against faithful mocks (e.g. plain and throttled): a case that does
    /// not pass in any of them is a false failure.
    public init(clean: [RunReport], defects: [(name: String, summary: String, report: RunReport)]) {
        caseNames = (clean.first?.suites.flatMap(\.cases) ?? []).map { "\($0.classname)/\($0.name)" }
        let cleanCases = clean.flatMap { $0.suites.flatMap(\.cases) }
        falseFailures = cleanCases.compactMap { item in
            switch item.outcome {
            case .passed, .skipped: nil
            case .failed, .error: "\(item.classname)/\(item.name)"
            }
        }
        rows = defects.map { defect in
            var failed: [String] = []
            var errored: [String] = []
            for item in defect.report.suites.flatMap(\.cases) {
                let name = "\(item.classname)/\(item.name)"
                switch item.outcome {
                case .failed: failed.append(name)
                case .error: errored.append(name)
                default: break
                }
            }
            return Row(defect: defect.name, summary: defect.summary, failedCases: failed, erroredCases: errored)
        }
    }

    public var caughtCount: Int { rows.filter(\.caught).count }

    /// The closing line the test suite and CI read.
    public var verdictLine: String {
        "selftest: caught \(caughtCount)/\(rows.count) defects, \(falseFailures.count) false failures"
    }

    public var passed: Bool { caughtCount == rows.count && falseFailures.isEmpty }

    /// One line per defect with the count and the first cases that caught it.
    public func renderText() -> String {
        let width = (rows.map(\.defect.count).max() ?? 10) + 2
        var lines = ["defect".padding(toLength: width, withPad: " ", startingAt: 0) + "caught by"]
        for row in rows {
            let name = row.defect.padding(toLength: width, withPad: " ", startingAt: 0)
            if row.caught {
                let shown = row.failedCases.prefix(3).joined(separator: "; ")
                let more = row.failedCases.count > 3 ? " (+\(row.failedCases.count - 3) more)" : ""
                lines.append("\(name)\(row.failedCases.count) case(s): \(shown)\(more)")
            } else {
                let errors = row.erroredCases.isEmpty ? "" : " (\(row.erroredCases.count) errored)"
                lines.append("\(name)NOT CAUGHT\(errors)  — \(row.summary)")
            }
        }
        for name in falseFailures { lines.append("false failure on the clean mock: \(name)") }
        return lines.joined(separator: "\n")
    }

    /// The full defect × case matrix as Markdown (x = failed, e = error), for reports/selftest.md.
    public func renderMarkdown() -> String {
        var lines = ["# Selftest kill matrix", "", verdictLine, "",
                     "| case | " + rows.map(\.defect).joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: rows.count)]
        for name in caseNames {
            let marks = rows.map { row in row.failedCases.contains(name) ? "x" : row.erroredCases.contains(name) ? "e" : "" }
            lines.append("| \(name) | " + marks.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
