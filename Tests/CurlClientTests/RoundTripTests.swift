import CurlClient
import Testing
import TestSupport

/// Requests must reach the server exactly as built, and responses come back unaltered.
@Suite(.timeLimit(.minutes(1)))
struct RoundTripTests {
    struct MethodCase: Sendable, CustomTestStringConvertible {
        var method: String
        var body: [UInt8]?
        var contentType: String?
        var testDescription: String { "\(method) body=\(body?.count ?? -1)" }
    }

    static let methodCases: [MethodCase] = [
        MethodCase(method: "GET", body: nil, contentType: nil),
        MethodCase(method: "POST", body: Array(#"{"name":"x"}"#.utf8), contentType: "application/json"),
        MethodCase(method: "PATCH", body: Array(#"{"jobTitle":"CEO"}"#.utf8), contentType: "application/json"),
        MethodCase(method: "DELETE", body: nil, contentType: nil),
        MethodCase(method: "POST", body: [], contentType: nil),
        MethodCase(method: "PUT", body: [0, 1, 2, 255, 13, 10], contentType: "application/octet-stream"),
    ]

    @Test(arguments: methodCases)
    func methodHeadersAndBodyReachServer(_ testCase: MethodCase) throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        var headers = [HTTPHeader(name: "Authorization", value: "Bearer t0ken"), HTTPHeader(name: "X-Case-Id", value: "rt-1")]
        if let contentType = testCase.contentType {
            headers.append(HTTPHeader(name: "Content-Type", value: contentType))
        }
        let request = HTTPRequest(method: testCase.method, url: server.baseURL + "/v1.0/me/profile/positions?x=1",
                                  headers: headers, body: testCase.body)

        let response = try CurlSession().perform(request, options: Fixtures.options())

        #expect(response.status == 200)
        #expect(response.httpVersion == "1.1")
        #expect(response.header("x-echo-method") == testCase.method)
        #expect(response.body == (testCase.body ?? []))
        #expect(response.bodyBytesReceived == (testCase.body ?? []).count)
        #expect(!response.bodyTruncated)

        let received = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(received.method == testCase.method)
        #expect(received.target == "/v1.0/me/profile/positions?x=1")
        #expect(received.header("Authorization") == "Bearer t0ken")
        #expect(received.header("X-Case-Id") == "rt-1")
        #expect(received.body == (testCase.body ?? []))
        #expect(received.header("Content-Type") == testCase.contentType)
        #expect(received.header("Expect") == nil)
        if let body = testCase.body {
            #expect(received.header("Content-Length") == String(body.count))
        } else {
            #expect(received.header("Content-Length") == nil)
            #expect(received.header("Transfer-Encoding") == nil)
        }
    }

    @Test func requestHeaderOrderAndCaseArePreserved() throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let headers = [
            HTTPHeader(name: "X-Zulu", value: "1"),
            HTTPHeader(name: "x-alpha", value: "2"),
            HTTPHeader(name: "X-MiXeD-CaSe", value: "3"),
            HTTPHeader(name: "X-Empty", value: ""),
        ]
        _ = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/", headers: headers),
                                      options: Fixtures.options())

        let received = try #require(server.requests.first)
        let names = Fixtures.headerNames(received).filter { $0.lowercased().hasPrefix("x-") }
        #expect(names == ["X-Zulu", "x-alpha", "X-MiXeD-CaSe", "X-Empty"])
        #expect(received.header("X-Empty") == "")
    }

    @Test func responseHeaderOrderCaseAndRepeatsArePreserved() throws {
        let server = try Fixtures.echoServer(extraHeaders: [
            ("X-Zulu", "  padded value\t"),
            ("x-lower", "2"),
            ("Set-Cookie", "a=1"),
            ("SET-COOKIE", "b=2"),
        ])
        defer { server.stop() }
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"),
                                                 options: Fixtures.options())

        let names = response.headers.map(\.name)
        #expect(names.starts(with: ["X-Echo-Method", "X-Zulu", "x-lower", "Set-Cookie", "SET-COOKIE"]))
        #expect(response.header("x-zulu") == "padded value")
        #expect(response.header("X-LOWER") == "2")
        #expect(response.headers(named: "set-cookie") == ["a=1", "b=2"])
        #expect(response.header("X-Absent") == nil)
    }

    @Test func keepAliveReusesTheConnection() throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let session = try CurlSession()
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/one")

        let first = try session.perform(request, options: Fixtures.options())
        let second = try session.perform(request, options: Fixtures.options())

        #expect(!first.connectionReused)
        #expect(second.connectionReused)
        #expect(server.connectionCount == 1)
        #expect(server.requests.count == 2)
    }

    @Test func largePostSendsNoExpectAndNoInventedContentType() throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
        let response = try CurlSession().perform(
            HTTPRequest(method: "POST", url: server.baseURL + "/upload", body: body),
            options: Fixtures.options()
        )

        #expect(response.status == 200)
        #expect(response.bodyBytesReceived == body.count)
        let received = try #require(server.requests.first)
        #expect(!received.rawText.lowercased().contains("expect:"))
        #expect(received.header("Content-Type") == nil)
        #expect(received.body.count == body.count)
    }

    @Test func headRequestDoesNotWaitForABody() throws {
        let server = try ScriptedServer(.respond(status: 200, headers: [("Content-Length", "10")]))
        defer { server.stop() }
        let response = try CurlSession().perform(HTTPRequest(method: "HEAD", url: server.baseURL + "/"),
                                                 options: Fixtures.options(totalTimeout: 3))

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("Content-Length") == "10")
        #expect(server.requests.first?.method == "HEAD")
    }

    @Test func gzipBodyIsDecodedAndAdvertised() throws {
        let gzipped: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xd7,
            0x51, 0x48, 0xaf, 0xca, 0x2c, 0x00, 0x00, 0x4a, 0x9b, 0xb1, 0x5c, 0x0b, 0x00, 0x00, 0x00,
        ]
        let server = try ScriptedServer(.respond(status: 200, headers: [("Content-Encoding", "gzip")], body: gzipped))
        defer { server.stop() }
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"),
                                                 options: Fixtures.options())

        #expect(response.body == Array("hello, gzip".utf8))
        #expect(server.requests.first?.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test func timingsAreOrderedAndPlausible() throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"),
                                                 options: Fixtures.options())
        let timings = response.timings
        #expect(timings.total > 0)
        #expect(timings.connect <= timings.firstByte)
        #expect(timings.firstByte <= timings.total)
        #expect(timings.tlsHandshake == 0)
        #expect(timings.total < 5)
    }
}
