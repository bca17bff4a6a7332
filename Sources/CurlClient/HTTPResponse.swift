/// What came back, undecoded, so conformance checks see exactly what the server sent.
public struct HTTPResponse: Sendable {
    /// Final status code (after any followed redirects and 1xx interim responses).
    public var status: Int
    /// Protocol version of the final response: "1.0", "1.1", "2" or "3".
    public var httpVersion: String
    /// Final response's headers in wire order, original case, values trimmed.
    public var headers: [HTTPHeader]
    /// Body bytes (content-encoding already removed by curl), at most `maxBodyBytes` of them.
    public var body: [UInt8]
    /// True when the body was longer than `maxBodyBytes` and the rest was discarded.
    public var bodyTruncated: Bool
    /// Total body bytes received, including any that were discarded.
    public var bodyBytesReceived: Int
    /// Phase timings for this transfer.
    public var timings: TransferTimings
    /// Absolute redirect target when a 3xx was returned and not followed.
    public var redirectLocation: String?
    /// True when the transfer ran on a kept-alive connection rather than a new one.
    public var connectionReused: Bool

    public init(
        status: Int,
        httpVersion: String,
        headers: [HTTPHeader],
        body: [UInt8],
        bodyTruncated: Bool = false,
        bodyBytesReceived: Int? = nil,
        timings: TransferTimings = TransferTimings(),
        redirectLocation: String? = nil,
        connectionReused: Bool = false
    ) {
        self.status = status
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.bodyBytesReceived = bodyBytesReceived ?? body.count
        self.timings = timings
        self.redirectLocation = redirectLocation
        self.connectionReused = connectionReused
    }

    /// First value of the named header, compared case-insensitively as HTTP requires.
    public func header(_ name: String) -> String? {
        headers.first { $0.hasName(name) }?.value
    }

    /// Every value of the named header in wire order (for repeated fields like Set-Cookie).
    public func headers(named name: String) -> [String] {
        headers.filter { $0.hasName(name) }.map(\.value)
    }
}
