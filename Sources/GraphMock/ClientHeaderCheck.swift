/// What the `rejects-accept-wildcard` and `rejects-unknown-headers` defects refuse: request
/// headers that widely used clients send and a conforming server must accept (cases/clients:
/// `Accept: */*` from fetch and the Graph JavaScript client, `SdkVersion` from every Graph SDK,
/// `Origin` from browsers). A faithful mock checks nothing here.
enum ClientHeaderCheck {
    /// The headers a server that knows nothing else would still take.
    static let known: Set<String> = [
        "host", "user-agent", "accept", "accept-encoding", "content-type", "content-length", "authorization",
        "client-request-id", "connection", "transfer-encoding", "expect", "te", "return-client-request-id",
    ]

    static func check(_ request: MockRequest, defect: MockDefect?) throws(GraphError) {
        switch defect {
        case .rejectsAcceptWildcard:
            if let accept = request.header("Accept"), !accept.lowercased().contains("application/json") {
                throw .notAcceptable(accept)
            }
        case .rejectsUnknownHeaders:
            if let unknown = request.headers.first(where: { !known.contains($0.0.lowercased()) }) {
                throw .unsupportedHeader(unknown.0)
            }
        default:
            break
        }
    }
}
