/// What to send: the suite builds these from case files, so every part is plain data.
public struct HTTPRequest: Sendable {
    /// Method token sent verbatim (GET, POST, PATCH, DELETE, HEAD, ...).
    public var method: String
    /// Absolute http or https URL.
    public var url: String
    /// Headers in the order they should appear on the wire.
    public var headers: [HTTPHeader]
    /// Request body; `nil` sends no body at all, `[]` sends `Content-Length: 0`.
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
