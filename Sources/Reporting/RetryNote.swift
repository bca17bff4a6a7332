/// One throttling retry (429 or 503 with Retry-After) that happened inside a case.
///
/// Retries are not failures, but hiding them would hide a slow or throttled target; they are shown
/// as `<flakyFailure type="graph.retry">`, which the enforced XSD allows and mikepenz counts.
public struct RetryNote: Sendable, Codable {
    /// HTTP status that caused the retry (429, 503).
    public var status: Int
    /// Seconds the server asked to wait.
    public var retryAfterSeconds: Double
    /// One-line request summary, e.g. "PATCH /me/profile/positions/42".
    public var request: String

    public init(status: Int, retryAfterSeconds: Double, request: String) {
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.request = request
    }
}
