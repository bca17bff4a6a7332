import Foundation

/// Per-request identity and addressing: the ids echoed in headers and error bodies and the
/// service root used for `@odata.context` and `Location`.
struct Exchange: Sendable {
    var requestID: String
    var clientRequestID: String
    /// `http://{Host}` — the mock serves plain HTTP; `localhost` when no Host header was sent.
    var origin: String
    var now: Timestamp

    init(request: MockRequest, now: Timestamp) {
        requestID = UUID().uuidString.lowercased()
        clientRequestID = request.header("client-request-id") ?? requestID
        origin = "http://" + (request.header("Host") ?? "localhost")
        self.now = now
    }
}
