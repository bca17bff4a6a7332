import Foundation
import TestSupport
import Testing

/// The catalogue through a forward proxy (tinyproxy) taken from the usual environment variables:
/// plain HTTP as absolute-form requests, HTTPS as a CONNECT tunnel. The proxy's own log must show
/// the traffic, so the test cannot pass by going around the proxy.
///
/// libcurl 7.88 proxies 127.0.0.1 like any other host; only `no_proxy`/`NO_PROXY` exempt it, so
/// both are set empty here, whatever the machine has.
@Suite(.serialized, .timeLimit(.minutes(10)),
       .enabled(if: ForwardProxy.executable != nil, "tinyproxy not installed; .ci/run installs it"))
struct ForwardProxyTests {
    static let noBypass = ["no_proxy": "", "NO_PROXY": "", "all_proxy": "", "ALL_PROXY": ""]

    @Test func cataloguePassesThroughTheProxyOverHTTP() async throws {
        let (server, baseURL) = try CLIProcess.startServer()
        defer { server.stop() }
        let proxy = try ForwardProxy(connectPorts: [])

        let run = try await CatalogueRun.run(baseURL: baseURL, environment: Self.noBypass.merging(["http_proxy": proxy.url]) { $1 })

        Self.expectPassed(run)
        let forwarded = proxy.requestLines.filter { $0.contains(" \(baseURL)/") }
        #expect(forwarded.count >= run.plannedCases, "the proxy logged \(proxy.requestLines.count) requests: \(proxy.requestLines.prefix(3))")
        #expect(run.properties["target.httpVersion"] == "1.1")
    }

    @Test(.enabled(if: HTTP2FrontEnd.executable != nil && TLSFixture.opensslPath != nil, "needs nghttpx and openssl for the TLS target"))
    func cataloguePassesThroughTheProxyOverHTTPS() async throws {
        let (server, backendURL) = try CLIProcess.startServer()
        defer { server.stop() }
        let frontEnd = try HTTP2FrontEnd(backendPort: try #require(URL(string: backendURL)?.port))
        let proxy = try ForwardProxy(connectPorts: [frontEnd.port])

        let run = try await CatalogueRun.run(baseURL: frontEnd.origin + "/beta", extra: ["--cacert", frontEnd.caPath],
                                       environment: Self.noBypass.merging(["https_proxy": proxy.url, "HTTPS_PROXY": proxy.url]) { $1 })

        Self.expectPassed(run)
        let tunnels = proxy.requestLines.filter { $0.hasPrefix("CONNECT 127.0.0.1:\(frontEnd.port) ") }
        #expect(!tunnels.isEmpty, "no CONNECT in the proxy log: \(proxy.requestLines.prefix(3))")
        #expect(frontEnd.accessLog.split(separator: "\n").count >= run.plannedCases)
        // TLS runs end to end through the tunnel, so ALPN still reaches h2.
        #expect(run.properties["target.httpVersion"] == "2")
    }

    static func expectPassed(_ run: CatalogueRun, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.result.status == 0, "stderr: \(run.result.stderr)\nstdout tail: \(run.result.stdout.suffix(3000))", sourceLocation: sourceLocation)
        #expect(run.failureOrErrorCount == 0, sourceLocation: sourceLocation)
        #expect(EndToEndTests.count("<testcase ", in: run.junit) == run.plannedCases, sourceLocation: sourceLocation)
        #expect(run.plannedCases - EndToEndTests.skippedCount(run.result.stdout) > 150, sourceLocation: sourceLocation)
    }
}
