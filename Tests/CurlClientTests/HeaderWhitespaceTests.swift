import CurlClient
import Testing
import TestSupport

/// A header value with leading or trailing blanks is refused before anything is sent: HTTP/2
/// forbids it (RFC 9113 §8.2.1), so a case that used one would pass on HTTP/1.1 and break on HTTP/2.
@Suite(.timeLimit(.minutes(1)))
struct HeaderWhitespaceTests {
    @Test(arguments: ["Bearer ", " Bearer x", "Bearer x\t", "\t"])
    func blankEdgesAreRefusedAndNothingIsSent(value: String) throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/", headers: [HTTPHeader(name: "Authorization", value: value)])
        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(request, options: Fixtures.options())
        }
        #expect(error?.message.contains("Authorization has leading or trailing whitespace") == true)
        #expect(error?.message.contains(value) == false, "the message never echoes the value")
        #expect(server.connectionCount == 0)
    }

    @Test func aBareSchemeWordGoesOutVerbatim() throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/", headers: [
            HTTPHeader(name: "Authorization", value: "Bearer"), HTTPHeader(name: "X-Inner", value: "a  b"),
        ])
        let response = try CurlSession().perform(request, options: Fixtures.options())
        #expect(response.status == 200)
        #expect(response.httpVersion == "1.1")
        #expect(server.requests.first?.header("Authorization") == "Bearer")
        #expect(server.requests.first?.header("X-Inner") == "a  b")
    }
}
