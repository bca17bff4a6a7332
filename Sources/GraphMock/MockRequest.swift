/// One HTTP request as the mock sees it, independent of any transport.
///
/// The NIO channel handler builds these; handler-level tests build them directly, so every
/// behaviour can be tested without sockets.
public struct MockRequest: Sendable {
    public var method: String
    /// Path plus query, exactly as on the request line (still percent-encoded).
    public var target: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, target: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched case-insensitively (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }
}
