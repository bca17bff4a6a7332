import CurlClient
import Testing
import TestSupport

/// Response-head parsing must be lenient about bytes but strict about which response the headers belong to.
@Suite(.timeLimit(.minutes(1)))
struct HeaderParsingTests {
    @Test func invalidUTF8InHeadersDoesNotCrash() throws {
        let head = Array("HTTP/1.1 200 OK\r\nX-Bad: ".utf8) + [0xFF, 0xFE, 0xC3] + Array("\r\nContent-Length: 2\r\n\r\nok".utf8)
        let server = try ScriptedServer(.raw(head))
        defer { server.stop() }

        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: Fixtures.options())

        #expect(response.status == 200)
        #expect(response.header("X-Bad")?.contains("\u{FFFD}") == true)
        #expect(response.body == Array("ok".utf8))
    }

    @Test func interimResponseHeadersAreDiscarded() throws {
        let wire = "HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n"
            + "HTTP/1.1 201 Created\r\nX-Final: 1\r\nContent-Length: 2\r\n\r\nok"
        let server = try ScriptedServer(.raw(Array(wire.utf8)))
        defer { server.stop() }

        let response = try CurlSession().perform(HTTPRequest(method: "POST", url: server.baseURL + "/", body: Array("{}".utf8)),
                                                 options: Fixtures.options())

        #expect(response.status == 201)
        #expect(response.header("X-Interim") == nil)
        #expect(response.header("X-Final") == "1")
        #expect(response.headers.map(\.name) == ["X-Final", "Content-Length"])
    }

    @Test(arguments: [("HTTP/1.0", "1.0"), ("HTTP/1.1", "1.1")])
    func statusLineVersionIsReported(wireVersion: String, expected: String) throws {
        let server = try ScriptedServer(.raw(Array("\(wireVersion) 200 OK\r\nContent-Length: 0\r\n\r\n".utf8)))
        defer { server.stop() }

        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: Fixtures.options())

        #expect(response.httpVersion == expected)
    }

    @Test func foldedHeaderIsJoined() throws {
        let wire = "HTTP/1.1 200 OK\r\nX-Folded: first\r\n  second\r\nContent-Length: 0\r\n\r\n"
        let server = try ScriptedServer(.raw(Array(wire.utf8)))
        defer { server.stop() }

        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: Fixtures.options())

        #expect(response.header("X-Folded") == "first second")
    }
}
