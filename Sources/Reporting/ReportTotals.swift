/// Outcome counts and summed time of a suite or a whole run.
///
/// Always computed from the cases, never stored, so the counts written on `<testsuite>` and
/// `<testsuites>` cannot drift from the `<testcase>` elements below them (rule 3).
public struct ReportTotals: Sendable, Equatable {
    public var tests: Int
    public var failures: Int
    public var errors: Int
    public var skipped: Int
    /// Sum of case times, in seconds.
    public var time: Double

    /// Cases that neither failed, errored nor were skipped.
    public var passed: Int { tests - failures - errors - skipped }

    public init(tests: Int = 0, failures: Int = 0, errors: Int = 0, skipped: Int = 0, time: Double = 0) {
        self.tests = tests
        self.failures = failures
        self.errors = errors
        self.skipped = skipped
        self.time = time
    }

    /// Totals of the given cases.
    public init(cases: [CaseReport]) {
        self.init()
        for item in cases {
            tests += 1
            time += item.time
            switch item.outcome {
            case .passed: break
            case .failed: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
    }

    /// Totals of one suite.
    public init(_ suite: SuiteReport) {
        self.init(cases: suite.cases)
    }

    /// Totals of a whole run (sum over its suites).
    public init(_ report: RunReport) {
        self = report.suites.reduce(into: ReportTotals()) { sum, suite in sum += ReportTotals(suite) }
    }

    public static func + (lhs: ReportTotals, rhs: ReportTotals) -> ReportTotals {
        ReportTotals(
            tests: lhs.tests + rhs.tests,
            failures: lhs.failures + rhs.failures,
            errors: lhs.errors + rhs.errors,
            skipped: lhs.skipped + rhs.skipped,
            time: lhs.time + rhs.time
        )
    }

    public static func += (lhs: inout ReportTotals, rhs: ReportTotals) {
        lhs = lhs + rhs
    }
}
