/// One HTTP response produced by `MockService`; the channel handler only serialises it.
public struct MockResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The body as UTF-8 text, for diagnostics and tests.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
