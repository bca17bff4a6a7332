import CurlClient
import TestSupport

/// Shared test settings: short limits so a regression fails fast instead of hanging the suite.
enum Fixtures {
    /// Transfer options with tight timeouts suitable for loopback servers.
    static func options(totalTimeout: Double = 5, configure: (inout TransferOptions) -> Void = { _ in }) -> TransferOptions {
        var options = TransferOptions()
        options.connectTimeout = 2
        options.totalTimeout = totalTimeout
        configure(&options)
        return options
    }

    /// A server that answers every request with 200, echoing method and body back.
    static func echoServer(extraHeaders: [(String, String)] = []) throws -> ScriptedServer {
        try ScriptedServer { request in
            .respond(status: 200, headers: [("X-Echo-Method", request.method)] + extraHeaders, body: request.body)
        }
    }

    /// Header names of a raw request head, in wire order, original case.
    static func headerNames(_ request: ParsedRequest) -> [String] {
        request.headers.map(\.name)
    }
}
