/// The one-word verdict of a run, in the precedence of the exit code (README, "Exit codes"):
/// a contract failure outranks an interruption, which outranks cases that could not run.
public enum RunVerdict: String, Sendable {
    case passed, failed, interrupted, errors

    public init(_ report: RunReport) {
        let totals = ReportTotals(report)
        if totals.failures > 0 {
            self = .failed
        } else if report.interrupted {
            self = .interrupted
        } else if totals.errors > 0 {
            self = .errors
        } else {
            self = .passed
        }
    }

    /// "PASSED", "FAILED", "INTERRUPTED", "ERRORS".
    public var label: String { rawValue.uppercased() }
}
