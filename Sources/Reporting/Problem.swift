/// What went wrong in a failed or errored case.
///
/// Three parts because readers differ: `message` feeds the one-line attribute (Jenkins, Azure),
/// `detail` feeds the element text (GitLab shows only that), `type` groups problems.
public struct Problem: Sendable, Codable {
    /// Namespaced token such as "graph.contract-mismatch" (every contract failure: status, header,
    /// shape, value or snapshot) or "transport.timeout". Un-namespaced values
    /// get a "graph." prefix on output, since GitLab's parser treats `type="yaml"` and friends specially.
    public var type: String
    /// One line; newlines are flattened on output.
    public var message: String
    /// Multi-line text whose first two lines are the most useful (mikepenz shows two); for a
    /// contract failure, the step's headline, with the mismatches rendered after it (`text`).
    public var detail: String
    /// The broken expectations behind a contract failure, typed; empty for errors and for
    /// problems that are not about one expectation.
    public var mismatches: [Mismatch]

    public init(type: String, message: String, detail: String, mismatches: [Mismatch] = []) {
        self.type = type
        self.message = message
        self.detail = detail
        self.mismatches = mismatches
    }
}
