import Foundation
import JSONShape
import Reporting

/// The exploration as a `RunReport` for the writers `run` uses: one failed testcase per distinct
/// disagreement (minimal sequence, model-vs-target mismatches by JSON pointer, written case file)
/// and one summary testcase with the seed, budget, target and throughput.
public struct ExplorationReport {
    public var result: Exploration.Result
    public var target: ExploreTarget
    public var settings: Exploration.Settings
    /// Written case file per finding (same order), when `--out` was given.
    public var caseFiles: [String?]

    public init(result: Exploration.Result, target: ExploreTarget, settings: Exploration.Settings, caseFiles: [String?]) {
        self.result = result
        self.target = target
        self.settings = settings
        self.caseFiles = caseFiles
    }

    public static let classname = "graph.workPosition.explore"

    public func build(runID: String, startedAt: Date, properties: [ReportProperty]) -> RunReport {
        var cases: [CaseReport] = []
        for (index, finding) in result.findings.enumerated() {
            let disagreement = finding.disagreement
            let file = index < caseFiles.count ? caseFiles[index] : nil
            var detail = [disagreement.summary,
                          "minimal sequence (\(finding.minimal.stepCount) of \(finding.original.stepCount) steps, sequence \(finding.original.index), \(finding.occurrences) sequence(s) showed it):"]
            detail += SequenceText.lines(finding.minimal, failingOp: disagreement.opIndex)
            detail.append("model vs target:")
            detail += disagreement.mismatches.prefix(20).map { "  \($0.pointer ?? "(status)"): model \($0.expected), target \($0.actual)" }
            if let file { detail.append("  at \(file)") }
            let problem = Problem(type: disagreement.kind == .transport ? "transport.explore" : "graph.explore-\(disagreement.kind == .status ? "status" : "disagreement")",
                                  message: "\(disagreement.step.method) \(disagreement.kind.rawValue): \(disagreement.summary)",
                                  detail: detail.joined(separator: "\n"),
                                  mismatches: disagreement.mismatches.map { mismatch in
                                      var located = mismatch
                                      located.location = file
                                      return located
                                  })
            // No answer is not a contract breach: could-not-run, as `run` reports it.
            let outcome: CaseOutcome = disagreement.kind == .transport ? .error(problem) : .failed(problem)
            cases.append(CaseReport(classname: Self.classname, name: "disagreement \(index + 1): \(disagreement.signature)",
                                    time: 0, outcome: outcome, location: file))
        }
        let summary = "seed \(settings.seed), budget \(settings.budget), jobs \(settings.jobs): \(result.steps) steps in \(result.sequences) sequences, "
            + String(format: "%.2f s (%.0f steps/s)", result.seconds, result.stepsPerSecond)
            + "; \(result.disagreeingSequences) sequence(s) disagreed, \(result.findings.count) distinct"
        cases.append(CaseReport(classname: Self.classname, name: "exploration summary", time: result.seconds,
                                outcome: result.interrupted ? .error(Problem(type: "run.interrupted", message: "interrupted", detail: summary)) : .passed,
                                transcript: summary))
        var all = properties
        all += [ReportProperty(name: "explore.seed", value: String(settings.seed)),
                ReportProperty(name: "explore.budget", value: String(settings.budget)),
                ReportProperty(name: "explore.jobs", value: String(settings.jobs)),
                ReportProperty(name: "explore.steps", value: String(result.steps)),
                ReportProperty(name: "explore.stepsPerSecond", value: String(format: "%.0f", result.stepsPerSecond))]
        let suite = SuiteReport(name: "explore", file: "explore", timestamp: startedAt, cases: cases)
        return RunReport(runID: runID, startedAt: startedAt, hostname: ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName,
                         properties: all, suites: [suite], interrupted: result.interrupted)
    }
}

/// A sequence as short readable lines for reports.
public enum SequenceText {
    public static func lines(_ sequence: ExploreSequence, failingOp: Int? = nil) -> [String] {
        var lines: [String] = []
        for (index, op) in sequence.ops.enumerated() {
            let marker = index == failingOp ? " <- disagrees" : ""
            let together = op.steps.count > 1 ? " (concurrent)" : ""
            for step in op.steps {
                var text = "  \(index + 1). \(step.principal) \(step.method) \(step.address.rawValue)(\(step.owner)) \(step.action.kindName)"
                if let handle = step.handle { text += " " + handle }
                switch step.action {
                case .create(_, let body), .patch(_, .json(let body, _)): text += " " + body.excerpt(limit: 120)
                case .patch(_, .raw(let raw, let type)): text += " raw \(raw.prefix(40)) (\(type ?? "no Content-Type"))"
                default: break
                }
                lines.append(text + together + marker)
            }
        }
        return lines
    }
}
