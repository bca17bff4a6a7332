import Foundation
import TestSupport
import Testing

/// The catalogue through a real HTTP/2 front end: nghttpx terminates TLS with ALPN h2 and talks
/// HTTP/1.1 to `serve`. Every case must be valid on HTTP/2 (no header value with blank edges,
/// RFC 9113 §8.2.1), and the report must say HTTP/2 was used.
@Suite(.serialized, .timeLimit(.minutes(10)),
       .enabled(if: HTTP2FrontEnd.executable != nil && TLSFixture.opensslPath != nil,
                "nghttpx (Debian nghttp2-proxy) or openssl not installed; .ci/run installs both"))
struct HTTP2FrontEndTests {
    @Test func wholeCataloguePassesOverHTTP2() async throws {
        let (server, backendURL) = try CLIProcess.startServer()
        defer { server.stop() }
        let backendPort = try #require(URL(string: backendURL)?.port)
        let frontEnd = try HTTP2FrontEnd(backendPort: backendPort)
        let baseURL = frontEnd.origin + "/beta"

        let run = try await CatalogueRun.run(baseURL: baseURL, extra: ["--cacert", frontEnd.caPath])

        #expect(run.result.status == 0, "stderr: \(run.result.stderr)\nstdout tail: \(run.result.stdout.suffix(3000))")
        #expect(run.failureOrErrorCount == 0, "\(run.junit.suffix(3000))")
        #expect(EndToEndTests.count("<testcase ", in: run.junit) == run.plannedCases)
        let skipped = EndToEndTests.skippedCount(run.result.stdout)
        #expect(run.plannedCases - skipped > 150, "most of the catalogue really ran")
        #expect(run.summaryLine == "\(run.plannedCases - skipped) passed, 0 failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))

        #expect(run.properties["target.httpVersion"] == "2", "properties: \(run.properties)")
        #expect(run.junit.contains(#"<property name="target.httpVersion" value="2"/>"#))
        #expect(run.result.stdout.contains("Target: \(baseURL) over HTTP/2"))
        // The front end saw the requests, as HTTP/2 (its access log names the protocol).
        let forwarded = frontEnd.accessLog.split(separator: "\n")
        #expect(forwarded.count >= run.plannedCases, "nghttpx forwarded \(forwarded.count) requests")
        #expect(forwarded.allSatisfy { $0.contains("HTTP/2") }, "\(forwarded.prefix(3))")
    }
}
