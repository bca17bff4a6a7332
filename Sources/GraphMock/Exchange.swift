import Foundation
import Identifiers

/// Per-request identity and addressing: the ids echoed in headers and error bodies and the
/// service root used for `@odata.context` and `Location`.
struct Exchange: Sendable {
    var requestID: String
    var clientRequestID: String
    /// False when `clientRequestID` is only the request-id stand-in.
    var clientSentRequestID: Bool
    /// The client's `Accept-Encoding`, read only by `gzip-when-asked` (see `acceptsGzip`).
    var acceptEncoding: String?
    /// `http://{Host}` — the mock serves plain HTTP; `localhost` when no Host header was sent.
    var origin: String
    var now: Timestamp

    init(request: MockRequest, now: Timestamp) {
        requestID = RandomUUID.string()
        let sentID = request.header("client-request-id")
        clientRequestID = sentID ?? requestID
        clientSentRequestID = sentID != nil
        acceptEncoding = request.header("Accept-Encoding")
        origin = "http://" + (request.header("Host") ?? "localhost")
        self.now = now
    }

    /// The client's `Accept-Encoding` allows gzip; parsed only when a variant asks.
    var acceptsGzip: Bool { Gzip.isAccepted(by: acceptEncoding) }
}
