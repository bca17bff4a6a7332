import CaseModel
import Foundation
import Reporting

/// How long the run took against how long it had to take: its wall time, the longest single case
/// (no schedule can end sooner, so this is the critical-path bound), and how many cases ran at once.
public struct RunPace: Sendable, Equatable {
    public var wallSeconds: Double
    public var criticalPathSeconds: Double
    /// `suite › case` of the longest case.
    public var criticalPathCase: String
    public var peakConcurrency: Int
    /// "adaptive, cap 32" or "fixed 4".
    public var concurrency: String
    /// 429 and 503 answers the target gave (each retried one counts).
    public var pushbacks: Int

    static func measure(planned: [PlannedCase], results: [CaseReport], wallSeconds: Double, gate: ConcurrencyGate,
                        settings: RunSettings) -> RunPace {
        let longest = zip(planned, results).max { $0.1.time < $1.1.time }
        let jobs = max(1, settings.jobs)
        return RunPace(
            wallSeconds: wallSeconds, criticalPathSeconds: longest?.1.time ?? 0,
            criticalPathCase: longest.map { "\($0.0.file.suite) › \($0.0.displayName)" } ?? "",
            peakConcurrency: gate.peak,
            concurrency: settings.concurrency == .adaptive ? "adaptive, cap \(jobs)" : "fixed \(jobs)",
            pushbacks: gate.pushbackCount)
    }

    /// The `run.*` report properties (names in `ReportProperty+Pace`).
    public var properties: [ReportProperty] {
        ReportProperty.pace(wallSeconds: wallSeconds, criticalPathSeconds: criticalPathSeconds, criticalPathCase: criticalPathCase,
                            peakConcurrency: peakConcurrency, concurrency: concurrency, pushbacks: pushbacks)
    }
}
