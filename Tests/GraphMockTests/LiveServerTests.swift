import Foundation
import GraphMock
import JSONShape
import TestSupport
import Testing

/// Runs blocking socket work on its own thread: blocking the cooperative pool (or Dispatch's
/// shared pool, which backs it on Linux) would starve the mock's own tasks in this same process.

/// The mock on a real socket. Every test shuts the server down, and sockets time out.
@Suite("Live server", .timeLimit(.minutes(1)))
struct LiveServerTests {
    func withServer(
        _ configure: (inout MockConfiguration) -> Void = { _ in }, _ body: (GraphMockServer) async throws -> Void
    ) async throws {
        var configuration = MockConfiguration()
        configure(&configuration)
        let server = try await GraphMockServer.start(configuration: configuration)
        do {
            try await body(server)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
        try await server.shutdown()  // idempotent
    }

    static let auth = ("Authorization", "Bearer " + TestToken.alice)
    static let json = ("Content-Type", "application/json")

    @Test func lifecycleOverKeepAlive() async throws {
        try await withServer { server in
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)/beta")
            let port = server.port
            try await offPool {
            let client = try RawHTTPClient(port: port)
            let created = try client.request("POST", "/beta/me/profile/positions", headers: [Self.auth, Self.json], body: Fixtures.fullBody.utf8Bytes)
            #expect(created.status == 201)
            let id = try #require(try JSONParser.value(created.body)["id"]?.stringValue)
            #expect(created.header("Location") == "http://127.0.0.1/beta/users/\(TestToken.aliceID)/profile/positions/\(id)")
            let patched = try client.request("PATCH", "/beta/me/profile/positions/\(id)", headers: [Self.auth, Self.json], body: Array(#"{"isCurrent":true}"#.utf8))
            #expect(patched.status == 200)
            let fetched = try client.request("GET", "/beta/me/profile/positions/\(id)", headers: [Self.auth])
            #expect(try JSONParser.value(fetched.body)["isCurrent"] == true)
            #expect(fetched.header("OData-Version") == "4.0")
            let deleted = try client.request("DELETE", "/beta/me/profile/positions/\(id)", headers: [Self.auth])
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let gone = try client.request("GET", "/beta/me/profile/positions/\(id)", headers: [Self.auth])
            #expect(gone.status == 404)
            }
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        try await withServer({ $0.maxBodyBytes = 1024 }) { server in
            let port = server.port
            try await offPool {
            let big = Array(repeating: UInt8(ascii: "x"), count: 4096)
            let declared = try RawHTTPClient(port: port)
            let response = try declared.request("POST", "/beta/me/profile/positions", headers: [Self.auth, Self.json], body: big)
            #expect(response.status == 413)
            #expect(try declared.isClosedByPeer())

            let chunked = try RawHTTPClient(port: port)
            var text = "POST /beta/me/profile/positions HTTP/1.1\r\nHost: x\r\nAuthorization: \(Self.auth.1)\r\n"
            text += "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            for _ in 0..<8 { text += "200\r\n" + String(repeating: "y", count: 512) + "\r\n" }
            text += "0\r\n\r\n"
            try chunked.send(text)
            #expect(try chunked.readResponse().status == 413)

            let list = try RawHTTPClient(port: port).request("GET", "/beta/me/profile/positions", headers: [Self.auth])
            #expect(try JSONParser.value(list.body)["value"] == [])
            }
        }
    }

    @Test func expectContinueGetsInterimResponse() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
                let client = try RawHTTPClient(port: port)
                let body = Array(#"{"isCurrent":true}"#.utf8)
                try client.send(
                    "POST /beta/me/profile/positions HTTP/1.1\r\nHost: x\r\nAuthorization: \(Self.auth.1)\r\n"
                        + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n")
                #expect(try client.readResponse().status == 100)
                try client.send(body)
                #expect(try client.readResponse().status == 201)
            }
        }
    }

    @Test func malformedRequestClosesOnlyThatConnection() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
            let bad = try RawHTTPClient(port: port)
            try bad.send("THIS IS NOT HTTP\r\n\r\n")
            #expect(try bad.isClosedByPeer())
            let good = try RawHTTPClient(port: port)
            #expect(try good.request("GET", "/beta/me/profile/positions", headers: [Self.auth]).status == 200)
            }
        }
    }

    @Test func concurrentPatchesOverTheWire() async throws {
        try await withServer { server in
            let port = server.port
            try await offPool {
            let setup = try RawHTTPClient(port: port)
            var ids: [String] = []
            for _ in 0..<10 {
                let created = try setup.request(
                    "POST", "/beta/me/profile/positions", headers: [Self.auth, Self.json],
                    body: Array(#"{"detail":{"company":{"address":{}}}}"#.utf8))
                ids.append(try #require(try JSONParser.value(created.body)["id"]?.stringValue))
            }
            let detailFields = ["description", "employeeId", "employeeType", "jobTitle", "level", "role", "secondaryJobTitle", "secondaryRole", "summary"]
            let companyFields = ["companyCode", "costCenter", "department", "displayName", "division", "officeLocation", "pronunciation", "secondaryDepartment", "webUrl"]
            let addressFields = ["city", "postalCode"]
            func body(_ field: String) -> JSONValue {
                if detailFields.contains(field) { return ["detail": [field: .string(field)]] }
                if companyFields.contains(field) { return ["detail": ["company": [field: .string(field)]]] }
                return ["detail": ["company": ["address": [field: .string(field)]]]]
            }
            let fields = detailFields + companyFields + addressFields
            #expect(ids.count * fields.count == 200)
            let jobs = ids.flatMap { id in fields.map { (id, $0) } }
            let statuses = StatusBox(count: jobs.count)
            let group = DispatchGroup()
            for (index, (id, field)) in jobs.enumerated() {
                let payload = body(field).utf8Bytes
                group.enter()
                Thread {
                    defer { group.leave() }
                    let response = try? RawHTTPClient(port: port).request(
                        "PATCH", "/beta/me/profile/positions/\(id)", headers: [Self.auth, Self.json], body: payload)
                    statuses.set(index, response?.status ?? -1)
                }.start()
            }
            #expect(group.wait(timeout: .now() + 30) == .success)
            let codes = statuses.values
            #expect(codes.allSatisfy { $0 == 200 }, "\(codes.filter { $0 != 200 })")
            for id in ids {
                let entity = try JSONParser.value(setup.request("GET", "/beta/me/profile/positions/\(id)", headers: [Self.auth]).body)
                for field in fields {
                    let pointer = detailFields.contains(field) ? "/detail/\(field)"
                        : companyFields.contains(field) ? "/detail/company/\(field)" : "/detail/company/address/\(field)"
                    #expect(entity.value(at: JSONPointer(pointer)!) == .string(field), "\(id) \(pointer)")
                }
            }
            }
        }
    }
}

/// Results written from Dispatch threads, guarded by a lock.
final class StatusBox: @unchecked Sendable {  // safe: every access holds `lock`
    private let lock = NSLock()
    private var storage: [Int]
    init(count: Int) { storage = Array(repeating: 0, count: count) }
    func set(_ index: Int, _ value: Int) { lock.withLock { storage[index] = value } }
    var values: [Int] { lock.withLock { storage } }
}
