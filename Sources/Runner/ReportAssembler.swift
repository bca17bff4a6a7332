import CaseModel
import Foundation
import Reporting

/// Groups case results into one JUnit suite per case file, in plan order.
public enum ReportAssembler {
    public static func assemble(planned: [PlannedCase], results: [CaseReport], runID: String, startedAt: Date,
                                properties: [ReportProperty], interrupted: Bool) -> RunReport {
        var suites: [SuiteReport] = []
        var indexByFile: [String: Int] = [:]
        for (item, var result) in zip(planned, results) {
            result.tags = item.tags
            if let index = indexByFile[item.file.path] {
                suites[index].cases.append(result)
            } else {
                indexByFile[item.file.path] = suites.count
                suites.append(SuiteReport(name: item.file.suite, file: item.file.path, timestamp: startedAt, cases: [result]))
            }
        }
        return RunReport(name: "graph-conformance", runID: runID, startedAt: startedAt, hostname: hostname(),
                         properties: properties, suites: suites, interrupted: interrupted)
    }

    static func hostname() -> String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty ? "localhost" : name
    }
}

/// The process exit code: the CI gate (README, "Reports and exit codes").
public enum ExitStatus: Int32, Sendable {
    case passed = 0
    case contractFailures = 1
    case usageOrCaseFileError = 2
    case couldNotRun = 3
    /// No case passed or failed (all skipped, or none selected): a gate that checked nothing must
    /// not pass (pytest uses 5 the same way), unless the team opted in with `--allow-skipped`.
    case nothingChecked = 5
    case interrupted = 130

    public static func of(_ report: RunReport, allowSkipped: Bool = false) -> ExitStatus {
        let outcomes = report.suites.flatMap(\.cases).map(\.outcome)
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) { return .contractFailures }
        if report.interrupted { return .interrupted }
        if outcomes.contains(where: { if case .error = $0 { true } else { false } }) { return .couldNotRun }
        let checked = outcomes.contains { if case .passed = $0 { true } else { false } }
        if !checked, !allowSkipped { return .nothingChecked }
        return .passed
    }
}
