/// A transfer that produced no usable HTTP response; HTTP error statuses are responses, not these.
///
/// The message is built from curl's strerror text and its error buffer only, never from
/// request headers, so bearer tokens cannot leak into reports.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// Coarse failure class the suite can assert on without knowing curl's codes.
    public enum Kind: String, Sendable {
        case connect, resolve, timeout, tls, send, receive, malformedResponse, tooManyRedirects, aborted, other
        /// The answer went past a size limit (`TransferOptions.maxHeaderBytes`, `maxHeaderCount`,
        /// `maxReceivedBodyBytes`); the transfer was stopped there.
        case tooLarge
    }

    public var kind: Kind
    /// The raw CURLcode (0 when the failure happened before curl was involved).
    public var curlCode: Int32
    public var message: String

    public init(kind: Kind, curlCode: Int32, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    public var description: String {
        "\(kind.rawValue) (curl \(curlCode)): \(message)"
    }
}
