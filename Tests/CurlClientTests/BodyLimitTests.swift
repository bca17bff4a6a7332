import CurlClient
import Testing
import TestSupport

/// Oversized bodies are counted in full but only a bounded prefix is kept.
@Suite(.timeLimit(.minutes(1)))
struct BodyLimitTests {
    @Test func hugeBodyKeepsOnlyThePrefixButCountsEverything() throws {
        let total = 64 << 20
        let server = try ScriptedServer(.hugeBody(bytes: total))
        defer { server.stop() }
        let options = Fixtures.options(totalTimeout: 50) { $0.maxBodyBytes = 64 << 10 }

        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/big"), options: options)

        #expect(response.status == 200)
        #expect(response.body.count == 65536)
        #expect(response.bodyTruncated)
        #expect(response.bodyBytesReceived == total)
        // The server streams bytes 0,1,...,255 repeating; the prefix must be the first bytes, in order.
        #expect(response.body == (0..<65536).map { UInt8(truncatingIfNeeded: $0) })
    }

    @Test(arguments: [0, 1, 10, 11])
    func capBoundaryIsExact(cap: Int) throws {
        let body = Array("0123456789".utf8)
        let server = try ScriptedServer(.respond(status: 200, body: body))
        defer { server.stop() }
        let options = Fixtures.options { $0.maxBodyBytes = cap }

        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: options)

        #expect(response.body == Array(body.prefix(cap)))
        #expect(response.bodyTruncated == (cap < body.count))
        #expect(response.bodyBytesReceived == body.count)
    }
}
