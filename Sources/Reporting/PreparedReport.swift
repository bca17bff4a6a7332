/// A run report after the one cleaning pass that every output shares: sanitized, redacted with the
/// run's secrets, capped, names made unique, never empty (see `ReportPreparer`).
///
/// Build it once per run and hand it to `JUnitWriter`, `JSONReportWriter` and
/// `ConsoleReporter.summary`: the text is then cleaned and redacted once, and the three outputs
/// agree because they render the same value.
public struct PreparedReport: Sendable {
    /// The cleaned report the writers render.
    public let report: RunReport
    /// The report as the runner made it: only for the JUnit writer's rare re-preparation with
    /// smaller caps when the document is over its file-size limit.
    let source: RunReport
    let policy: TextPolicy

    /// - Parameters:
    ///   - secrets: exact strings to redact on top of the built-in credential patterns (the tokens).
    ///   - maxTextBytes: cap per text element (failure text, transcript), in UTF-8 bytes.
    public init(_ report: RunReport, secrets: [String] = [], maxTextBytes: Int = 64 * 1024) {
        self.init(report, policy: TextPolicy(maxTextBytes: max(0, maxTextBytes), secrets: secrets))
    }

    init(_ report: RunReport, policy: TextPolicy) {
        source = report
        self.policy = policy
        self.report = ReportPreparer.prepare(report, policy: policy)
    }
}
