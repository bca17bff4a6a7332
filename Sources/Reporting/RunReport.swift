import Foundation

/// Everything one conformance run produced, in the order it ran.
///
/// The runner fills this in; `JUnitWriter`, `JSONReportWriter` and `ConsoleReporter` only read it.
/// It is plain data (Codable, Sendable) so it can cross threads and be saved for later rendering.
public struct RunReport: Sendable, Codable {
    /// Name of the whole run, written as `testsuites@name` (normally "graph-conformance").
    public var name: String
    /// Identifier of this run; also written as the `run.id` property when the runner did not add one.
    public var runID: String
    /// When the run started.
    public var startedAt: Date
    /// Machine that ran the cases; Azure shows it as "Agent name". Never written empty ("localhost").
    public var hostname: String
    /// Run-wide facts (target.baseURL, suite.version, run.id, policy.*), repeated on every suite
    /// because the schema has no `<properties>` on `<testsuites>`. Values are redacted on output.
    public var properties: [ReportProperty]
    /// One entry per case file or area; rendered as one flat `<testsuite>` each.
    public var suites: [SuiteReport]
    /// True after SIGINT/SIGTERM. Unfinished cases are already present as errors; the writers only
    /// record the fact (property `run.interrupted`, console note).
    public var interrupted: Bool

    public init(
        name: String = "graph-conformance",
        runID: String,
        startedAt: Date,
        hostname: String,
        properties: [ReportProperty] = [],
        suites: [SuiteReport] = [],
        interrupted: Bool = false
    ) {
        self.name = name
        self.runID = runID
        self.startedAt = startedAt
        self.hostname = hostname
        self.properties = properties
        self.suites = suites
        self.interrupted = interrupted
    }
}
