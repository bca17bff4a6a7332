/// One broken expectation, kept typed from the checker to the writers so each format renders it
/// its own way (JUnit and console text, JSON object) instead of parsing a message string back.
public struct Mismatch: Sendable, Codable, Hashable {
    /// What the expectation is about when that is not (only) a body pointer: "status",
    /// "header request-id", "error body", "body". nil for plain body checks.
    public var subject: String?
    /// RFC 6901 pointer into the response body ("" = the whole body); nil when the expectation is
    /// not about the body (status, a header).
    public var pointer: String?
    /// What the contract or the case asked for, in words or JSON text.
    public var expected: String
    /// What arrived, in words or JSON text.
    public var actual: String
    /// Case-file position of the expectation that asked, "cases/partial/x.yaml:88:11".
    public var location: String?
    /// For `unchanged`/snapshot checks: both whole bodies, so a reader can see them side by side.
    /// Carried by the first difference of a check only, so a report holds each pair once.
    public var comparison: Comparison?

    public init(subject: String? = nil, pointer: String?, expected: String, actual: String, location: String?, comparison: Comparison? = nil) {
        self.subject = subject
        self.pointer = pointer
        self.expected = expected
        self.actual = actual
        self.location = location
        self.comparison = comparison
    }

    /// The snapshot a case kept and the body it got later, as JSON text.
    public struct Comparison: Sendable, Codable, Hashable {
        public var snapshot: String
        public var current: String

        public init(snapshot: String, current: String) {
            self.snapshot = snapshot
            self.current = current
        }
    }
}
