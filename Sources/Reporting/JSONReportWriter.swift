/// Renders a `RunReport` as JSON for tools that would rather not parse XML.
///
/// Same content as the JUnit file (same preparation: redacted, sanitized, capped, unique names, never
/// empty), in a fixed key order so two runs diff cleanly. Shape:
/// `{name, runID, startedAt, hostname, interrupted, totals, properties, suites: [{id, name, file,
/// timestamp, totals, cases: [{classname, name, time, outcome, problem | reason, location,
/// retries, clientRequestIDs, transcript}]}]}`, a problem being `{type, message, detail,
/// mismatches: [{subject?, pointer, expected, actual, location, comparison?}]}` with `location` as
/// `file:line:col`; times are seconds with three decimals.
public enum JSONReportWriter {
    public static func render(_ report: RunReport) -> String {
        render(report, secrets: [])
    }

    /// As `render(_:)`, also redacting the given exact strings.
    public static func render(_ report: RunReport, secrets: [String]) -> String {
        render(PreparedReport(report, secrets: secrets))
    }

    /// Renders a report prepared once for every output.
    public static func render(_ prepared: PreparedReport) -> String {
        let prepared = prepared.report
        return JSONNode.object([
            ("name", .string(prepared.name)),
            ("runID", .string(prepared.runID)),
            ("startedAt", .string(ReportFormat.timestamp(prepared.startedAt))),
            ("hostname", .string(prepared.hostname)),
            ("interrupted", .bool(prepared.interrupted)),
            ("totals", totals(ReportTotals(prepared))),
            ("properties", .array(prepared.properties.map {
                .object([("name", .string($0.name)), ("value", .string($0.value))])
            })),
            ("suites", .array(prepared.suites.enumerated().map { suite($1, id: $0) })),
        ]).rendered()
    }

    private static func suite(_ suite: SuiteReport, id: Int) -> JSONNode {
        .object([
            ("id", .number("\(id)")),
            ("name", .string(suite.name)),
            ("file", .string(suite.file)),
            ("timestamp", .string(ReportFormat.timestamp(suite.timestamp))),
            ("totals", totals(ReportTotals(suite))),
            ("cases", .array(suite.cases.map(testCase))),
        ])
    }

    private static func testCase(_ item: CaseReport) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("classname", .string(item.classname)),
            ("name", .string(item.name)),
            ("time", .number(ReportFormat.seconds(item.time))),
        ]
        switch item.outcome {
        case .passed:
            members.append(("outcome", .string("passed")))
        case .failed(let problem):
            members += [("outcome", .string("failed")), ("problem", self.problem(problem))]
        case .error(let problem):
            members += [("outcome", .string("error")), ("problem", self.problem(problem))]
        case .skipped(let reason):
            members += [("outcome", .string("skipped")), ("reason", .string(reason))]
        }
        members += [
            ("location", item.location.map(JSONNode.string) ?? .null),
            ("retries", .array(item.retries.map {
                .object([
                    ("status", .number("\($0.status)")),
                    ("retryAfterSeconds", .number(ReportFormat.seconds($0.retryAfterSeconds))),
                    ("request", .string($0.request)),
                ])
            })),
            ("clientRequestIDs", .array(item.clientRequestIDs.map(JSONNode.string))),
            ("transcript", item.transcript.map(JSONNode.string) ?? .null),
        ]
        return .object(members)
    }

    private static func problem(_ problem: Problem) -> JSONNode {
        .object([
            ("type", .string(problem.type)), ("message", .string(problem.message)), ("detail", .string(problem.detail)),
            ("mismatches", .array(problem.mismatches.map(mismatch))),
        ])
    }

    /// `pointer`, `expected`, `actual` and `location` always (null when not known); `subject` and
    /// `comparison` only when there is one.
    private static func mismatch(_ mismatch: Mismatch) -> JSONNode {
        var members: [(String, JSONNode)] = []
        if let subject = mismatch.subject { members.append(("subject", .string(subject))) }
        members += [
            ("pointer", mismatch.pointer.map(JSONNode.string) ?? .null),
            ("expected", .string(mismatch.expected)),
            ("actual", .string(mismatch.actual)),
            ("location", mismatch.location.map(JSONNode.string) ?? .null),
        ]
        if let comparison = mismatch.comparison {
            members.append(("comparison", .object([("snapshot", .string(comparison.snapshot)), ("current", .string(comparison.current))])))
        }
        return .object(members)
    }

    private static func totals(_ totals: ReportTotals) -> JSONNode {
        .object([
            ("tests", .number("\(totals.tests)")),
            ("passed", .number("\(totals.passed)")),
            ("failures", .number("\(totals.failures)")),
            ("errors", .number("\(totals.errors)")),
            ("skipped", .number("\(totals.skipped)")),
            ("time", .number(ReportFormat.seconds(totals.time))),
        ])
    }
}
