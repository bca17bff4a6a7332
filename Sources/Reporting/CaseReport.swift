/// The result of one case (one matrix variant), rendered as one `<testcase>`.
public struct CaseReport: Sendable, Codable {
    /// Dotted hierarchy without a file extension, e.g. "graph.workPosition.patch"; Jenkins splits it
    /// at the last dot into package and class.
    public var classname: String
    /// Unique within `classname`, including the matrix variant ("…[allowedAudiences=organization]").
    /// The writers still disambiguate duplicates with " #2" so no reader merges two cases.
    public var name: String
    /// Duration in seconds.
    public var time: Double
    /// What happened.
    public var outcome: CaseOutcome
    /// Case-file position of the failing expectation, "cases/patch/partial.yaml:12:5"; written into
    /// the failure/error text as a line "  at LOCATION" because that is where mikepenz searches.
    public var location: String?
    /// Request/response transcript for `<system-out>`. The runner redacts it with the run's
    /// tokens; `PreparedReport` cleans it once more, with every other report field, for all outputs.
    public var transcript: String?
    /// 429/503 retries that happened while running the case, written as `<flakyFailure>`.
    public var retries: [RetryNote]
    /// `client-request-id` values sent, so a failure can be traced in Graph's logs.
    public var clientRequestIDs: [String]
    /// The case's tags (file tags, then its own), for filtering in the HTML report.
    public var tags: [String]

    public init(
        classname: String,
        name: String,
        time: Double,
        outcome: CaseOutcome,
        location: String? = nil,
        transcript: String? = nil,
        retries: [RetryNote] = [],
        clientRequestIDs: [String] = [],
        tags: [String] = []
    ) {
        self.classname = classname
        self.name = name
        self.time = time
        self.outcome = outcome
        self.location = location
        self.transcript = transcript
        self.retries = retries
        self.clientRequestIDs = clientRequestIDs
        self.tags = tags
    }
}
