import CurlClient
import Testing
import TestSupport

/// Redirects are reported, not followed, unless asked; following never leaks credentials to another host.
@Suite(.timeLimit(.minutes(1)))
struct RedirectTests {
    @Test func redirectIsNotFollowedByDefault() throws {
        let target = try Fixtures.echoServer()
        defer { target.stop() }
        let origin = try ScriptedServer(.redirect(to: target.baseURL + "/elsewhere"))
        defer { origin.stop() }

        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: origin.baseURL + "/start"), options: Fixtures.options())

        #expect(response.status == 302)
        #expect(response.redirectLocation == target.baseURL + "/elsewhere")
        #expect(response.header("Location") == target.baseURL + "/elsewhere")
        #expect(target.requests.isEmpty)
        #expect(target.connectionCount == 0)
    }

    @Test func followedRedirectKeepsOnlyFinalHeadersAndDropsAuthorizationCrossHost() throws {
        let target = try Fixtures.echoServer(extraHeaders: [("X-Final", "yes")])
        defer { target.stop() }
        // "localhost" is a different host name than 127.0.0.1, so curl must treat it as another host.
        let origin = try ScriptedServer(.redirect(to: "http://localhost:\(target.port)/landing"))
        defer { origin.stop() }
        let request = HTTPRequest(method: "GET", url: origin.baseURL + "/start",
                                  headers: [HTTPHeader(name: "Authorization", value: "Bearer secret")])
        let options = Fixtures.options { $0.followRedirects = true }

        let response = try CurlSession().perform(request, options: options)

        #expect(response.status == 200)
        #expect(response.header("X-Final") == "yes")
        #expect(response.header("Location") == nil)
        #expect(response.redirectLocation == nil)
        #expect(origin.requests.first?.header("Authorization") == "Bearer secret")
        let landed = try #require(target.requests.first)
        #expect(landed.path == "/landing")
        #expect(landed.header("Authorization") == nil)
    }

    @Test func redirectLoopIsTooManyRedirects() throws {
        let server = try ScriptedServer { request in .redirect(to: request.path == "/a" ? "/b" : "/a") }
        defer { server.stop() }
        let options = Fixtures.options { $0.followRedirects = true }

        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/a"), options: options)
        }

        #expect(error?.kind == .tooManyRedirects)
    }
}
