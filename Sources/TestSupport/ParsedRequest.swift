/// A request as the scripted server read it off the wire, so tests can assert on exactly what a client sent.
public struct ParsedRequest: Sendable {
    public var method: String
    /// Request target as sent (path plus query).
    public var target: String
    /// Protocol token from the request line, e.g. "HTTP/1.1".
    public var version: String
    /// Header fields in wire order, names in original case, values trimmed.
    public var headers: [(name: String, value: String)]
    /// Body bytes as framed by Content-Length (empty when there was none).
    public var body: [UInt8]
    /// The request line and header block exactly as received, CRLFs included.
    public var rawHead: [UInt8]

    /// Target without its query string, for routing.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// First value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Head and body decoded leniently as text, for readable assertions and failure output.
    public var rawText: String {
        String(decoding: rawHead + body, as: UTF8.self)
    }
}
