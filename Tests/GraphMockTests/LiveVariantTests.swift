import Foundation
import GraphMock
import JSONShape
import TestSupport
import Testing

/// Variants that live in the transport (header-name case of NIO-added headers, chunked framing,
/// gzip) checked over a real socket with the raw client.
@Suite("Live variants", .timeLimit(.minutes(1)))
struct LiveVariantTests {
    static let auth = ("Authorization", "Bearer " + TestToken.alice)
    static let json = ("Content-Type", "application/json")

    func withServer(_ variants: Set<MockVariant>, _ body: @Sendable @escaping (Int) throws -> Void) async throws {
        var configuration = MockConfiguration()
        configuration.variants = variants
        let server = try await GraphMockServer.start(configuration: configuration)
        let port = server.port
        do {
            try await offPool { try body(port) }
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    @Test(arguments: [MockVariant.headerCaseLower, .headerCaseUpper])
    func headerNamesOnTheWire(_ variant: MockVariant) async throws {
        try await withServer([variant]) { port in
            let client = try RawHTTPClient(port: port)
            let created = try client.request("POST", "/beta/me/profile/positions", headers: [Self.auth, Self.json], body: Fixtures.fullBody.utf8Bytes)
            #expect(created.status == 201)
            let error = try client.request("GET", "/beta/me/profile/positions/none", headers: [Self.auth])
            #expect(error.status == 404)
            let closing = try RawHTTPClient(port: port)
                .request("GET", "/beta/me/profile/positions", headers: [Self.auth, ("Connection", "close")])
            for response in [created, error, closing] {
                let names = response.headers.map(\.0)
                #expect(names.contains { $0.lowercased() == "content-length" })
                let cased = names.allSatisfy { variant == .headerCaseLower ? $0 == $0.lowercased() : $0 == $0.uppercased() }
                #expect(cased, "\(names)")
            }
            #expect(closing.headers.contains { $0.0.lowercased() == "connection" })
        }
    }

    @Test func defaultHeaderNamesAreMixedCase() async throws {
        try await withServer([]) { port in
            let response = try RawHTTPClient(port: port).request("GET", "/beta/me/profile/positions", headers: [Self.auth])
            #expect(response.headers.contains { $0.0 == "Content-Type" })
            #expect(response.headers.contains { $0.0 == "Content-Length" })
        }
    }

    @Test func chunkedBodiesOverKeepAlive() async throws {
        try await withServer([.chunked, .headerCaseLower]) { port in
            let client = try RawHTTPClient(port: port)
            let created = try client.request("POST", "/beta/me/profile/positions", headers: [Self.auth, Self.json], body: Fixtures.fullBody.utf8Bytes)
            #expect(created.status == 201)
            #expect(created.header("Transfer-Encoding") == "chunked")
            #expect(created.header("Content-Length") == nil)
            #expect(created.chunkCount > 1)
            let id = try #require(try JSONParser.value(created.body)["id"]?.stringValue)
            let error = try client.request("PATCH", "/beta/me/profile/positions/\(id)", headers: [Self.auth, Self.json], body: Array("{oops".utf8))
            #expect(error.status == 400)
            #expect(error.chunkCount > 1)
            #expect(try JSONParser.value(error.body)["error"]?["code"] != nil)
            let deleted = try client.request("DELETE", "/beta/me/profile/positions/\(id)", headers: [Self.auth])
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let list = try client.request("GET", "/beta/me/profile/positions", headers: [Self.auth])
            #expect(try JSONParser.value(list.body)["value"] == [])
        }
    }

    @Test func http10ClientsGetContentLengthUnderChunked() async throws {
        try await withServer([.chunked]) { port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /beta/me/profile/positions HTTP/1.0\r\nHost: x\r\nAuthorization: \(Self.auth.1)\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.header("Content-Length") != nil)
            #expect(try JSONParser.value(response.body)["value"] == [])
        }
    }

    @Test func gzipOverTheWire() async throws {
        try await withServer([.gzipWhenAsked, .chunked]) { port in
            let client = try RawHTTPClient(port: port)
            let response = try client.request("GET", "/beta/me/profile/positions", headers: [Self.auth, ("Accept-Encoding", "gzip")])
            #expect(response.header("Content-Encoding") == "gzip")
            let inflated = try #require(StoredGunzip.decode(response.body))
            #expect(try JSONParser.value(inflated)["value"] == [])
        }
    }
}
