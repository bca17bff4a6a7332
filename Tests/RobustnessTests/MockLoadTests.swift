import CurlClient
import Foundation
import Glibc
import GraphMock
import JSONShape
import Reporting
import TestSupport
@testable import Runner
import Testing

/// The embedded mock under load and abuse, driven the way a run drives it: generated case files,
/// `ConformanceRun` with many workers, libcurl on real sockets. (Raw-socket versions of some of
/// these live in GraphMockTests/LiveServerTests; these go through the runner and curl.)
extension Robustness {
@Suite(.timeLimit(.minutes(1))) struct MockLoadTests {
    static let detailFields = ["description", "employeeId", "employeeType", "jobTitle", "level", "role", "secondaryJobTitle", "secondaryRole", "summary"]
    static let companyFields = ["companyCode", "costCenter", "department", "displayName", "division", "officeLocation", "pronunciation", "secondaryDepartment", "webUrl"]
    static let addressFields = ["city", "postalCode"]
    static var fields: [String] { detailFields + companyFields + addressFields }

    static func pointer(_ field: String) -> String {
        detailFields.contains(field) ? "/detail/\(field)" : companyFields.contains(field) ? "/detail/company/\(field)" : "/detail/company/address/\(field)"
    }

    static func patchBody(_ field: String, _ value: String) -> String {
        if detailFields.contains(field) { return "{detail: {\(field): \"\(value)\"}}" }
        if companyFields.contains(field) { return "{detail: {company: {\(field): \"\(value)\"}}}" }
        return "{detail: {company: {address: {\(field): \"\(value)\"}}}}"
    }

    /// One request with the readWrite principal's token, off the cooperative pool.
    static func send(_ method: String, _ url: String, body: String? = nil) async throws -> (Int, JSONValue?) {
        let token = try #require(Harness.tokens["readWrite"])
        return try await offPool {
            let session = try CurlSession()
            var headers = [HTTPHeader(name: "Authorization", value: "Bearer \(token)"), HTTPHeader(name: "Accept", value: "application/json")]
            if body != nil { headers.append(HTTPHeader(name: "Content-Type", value: "application/json")) }
            var options = TransferOptions()
            options.totalTimeout = 10
            let response = try session.perform(HTTPRequest(method: method, url: url, headers: headers, body: body.map { Array($0.utf8) }), options: options)
            return (response.status, response.body.isEmpty ? nil : try? JSONParser.parse(response.body).value)
        }
    }

    static func withMock(_ body: (GraphMockServer) async throws -> Void) async throws {
        let server = try await GraphMockServer.start(configuration: MockConfiguration())
        do {
            try await body(server)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    /// 200 cases on 16 workers, each PATCHing a different property of one of ten positions: every
    /// change is there afterwards (no lost update under concurrent merges).
    @Test func twoHundredParallelPatchesAllLand() async throws {
        try await Self.withMock { server in
            var ids: [String] = []
            for _ in 0..<10 {
                let (status, created) = try await Self.send("POST", server.baseURL + "/me/profile/positions", body: #"{"detail":{"company":{"address":{}}}}"#)
                #expect(status == 201)
                ids.append(try #require(created?["id"]?.stringValue))
            }
            var yaml = "suite: patch-load\ncases:\n"
            for (index, id) in ids.enumerated() {
                for field in Self.fields {
                    let value = "v\(index)-\(field)"
                    yaml += "  - name: patch \(index) \(field)\n    steps:\n"
                    yaml += "      - {method: PATCH, path: /me/profile/positions/\(id), json: \(Self.patchBody(field, value)), expect: {status: 200, at: {\(Self.pointer(field)): \(value)}}}\n"
                }
            }
            let planned = try Harness.plan(yaml)
            #expect(planned.count == 200)
            let outcome = await Harness.run(planned, settings: Harness.settings(server.baseURL) { $0.jobs = 16; $0.concurrency = .fixed; $0.transfer.totalTimeout = 10 })
            let notPassed = outcome.results.filter { $0.outcome.kind != "passed" }
            #expect(notPassed.isEmpty, "\(notPassed.prefix(3).map { "\($0.name): \($0.outcome.text)" })")
            #expect(outcome.seconds < 30)
            for (index, id) in ids.enumerated() {
                let (status, entity) = try await Self.send("GET", server.baseURL + "/me/profile/positions/\(id)")
                #expect(status == 200)
                let entityValue = try #require(entity)
                for field in Self.fields {
                    #expect(entityValue.value(at: JSONPointer(Self.pointer(field))!) == .string("v\(index)-\(field)"), "lost update: \(id) \(field)")
                }
            }
        }
    }

    /// Creates and deletes racing on 16 workers while other cases create positions that stay: the
    /// list afterwards holds exactly the ones that stayed (no ghost of a deleted one, none lost),
    /// and every churn case saw its own item appear and disappear.
    @Test func parallelCreateAndDeleteKeepTheListConsistent() async throws {
        try await Self.withMock { server in
            var yaml = "suite: churn\ncases:\n"
            for index in 0..<120 {
                yaml += """
                  - name: churn \(index)
                    steps:
                      - {method: POST, path: /me/profile/positions, json: {detail: {jobTitle: "churn-\(index)"}}, expect: {status: 201}, capture: {p: /}}
                      - {method: GET, path: /me/profile/positions, expect: {status: 200, contains: {/value: {id: "${p.id}"}}}}
                      - {method: DELETE, path: "/me/profile/positions/${p.id}", expect: {status: 204}}
                      - {method: GET, path: /me/profile/positions, expect: {status: 200, notContains: {/value: {id: "${p.id}"}}}}
                      - {method: GET, path: "/me/profile/positions/${p.id}", expect: {status: 404}}

                """
            }
            for index in 0..<40 {
                yaml += """
                  - name: keep \(index)
                    steps:
                      - {method: POST, path: /me/profile/positions, json: {detail: {jobTitle: "keep-\(index)"}}, expect: {status: 201}, capture: {p: /}}
                      - {method: GET, path: /me/profile/positions, expect: {status: 200, contains: {/value: {id: "${p.id}", detail: {jobTitle: "keep-\(index)"}}}}}

                """
            }
            let planned = try Harness.plan(yaml)
            let outcome = await Harness.run(planned, settings: Harness.settings(server.baseURL) { $0.jobs = 16; $0.concurrency = .fixed; $0.transfer.totalTimeout = 10 })
            let notPassed = outcome.results.filter { $0.outcome.kind != "passed" }
            #expect(notPassed.isEmpty, "\(notPassed.prefix(3).map { "\($0.name): \($0.outcome.text)" })")

            let (status, list) = try await Self.send("GET", server.baseURL + "/me/profile/positions")
            #expect(status == 200)
            let titles = (list?["value"]?.arrayValue ?? []).compactMap { $0.value(at: JSONPointer("/detail/jobTitle")!)?.stringValue }
            #expect(titles.filter { $0.hasPrefix("churn-") }.isEmpty, "ghosts: \(titles.filter { $0.hasPrefix("churn-") })")
            #expect(titles.sorted() == (0..<40).map { "keep-\($0)" }.sorted(), "\(titles.count) items: \(titles.sorted())")
        }
    }

    /// Oversized and pathologically nested bodies through curl: 413 and 400 with a Graph error
    /// body, while other connections hammer the server with broken HTTP; afterwards it still
    /// serves, and every broken connection was closed.
    @Test func hostileBodiesAndBrokenHTTPLeaveTheMockServing() async throws {
        try await Self.withMock { server in
            let oversized = "\"" + String(repeating: "x", count: (1 << 20) + 1024) + "\""
            let deepArray = String(repeating: "[", count: 100_000)
            let deepObject = String(repeating: "{\\\"a\\\":", count: 100_000)
            let yaml = """
                suite: hostile-bodies
                setup:
                  - {method: POST, path: /me/profile/positions, json: {isCurrent: true}, expect: {status: 201}, capture: {p: /}}
                teardown:
                  - {method: DELETE, path: "/me/profile/positions/${p.id}", expect: {status: [204, 404]}}
                cases:
                  - name: oversized POST is 413
                    steps:
                      - {method: POST, path: /me/profile/positions, raw: '\(oversized)', headers: {Content-Type: application/json}, expect: {status: 413}}
                  - name: 100000 nested arrays in a POST is 400
                    steps:
                      - {method: POST, path: /me/profile/positions, raw: "\(deepArray)", headers: {Content-Type: application/json}, expect: {status: 400}}
                  - name: 100000 nested objects in a PATCH is 400
                    steps:
                      - {method: PATCH, path: "/me/profile/positions/${p.id}", raw: "\(deepObject)", headers: {Content-Type: application/json}, expect: {status: 400}}
                  - name: the position is untouched afterwards
                    steps:
                      - {method: GET, path: "/me/profile/positions/${p.id}", expect: {status: 200, at: {/isCurrent: true}}}

                """
            let planned = try Harness.plan(yaml)
            let abusers = Abusers(port: server.port)
            let outcome = await Harness.run(planned + planned, settings: Harness.settings(server.baseURL) { $0.jobs = 4; $0.transfer.totalTimeout = 10 })
            let closed = try await offPool { abusers.waitAll() }
            for result in outcome.results {
                #expect(result.outcome.kind == "passed", "\(result.name): \(result.outcome.text)")
            }
            #expect(closed.allSatisfy { $0.1 }, "connections the server left open: \(closed.filter { !$0.1 }.map(\.0))")
            let (status, list) = try await Self.send("GET", server.baseURL + "/me/profile/positions")
            #expect(status == 200)
            #expect(list?["value"]?.arrayValue?.isEmpty == true, "teardowns ran, nothing left: \(String(describing: list))")
            try Harness.expectValidJUnit(outcome)
        }
    }
}

}

/// Threads that each open a connection, send something that is not valid HTTP, and report whether
/// the server closed the connection within a few seconds.
final class Abusers: @unchecked Sendable {
    static let payloads: [(String, [UInt8])] = [
        ("not HTTP", Array("THIS IS NOT HTTP\r\n\r\n".utf8)),
        ("binary", (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }),
        ("negative length", Array("POST /beta/me/profile/positions HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n".utf8)),
        ("two lengths", Array("POST /beta/me/profile/positions HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 5\r\n\r\nhello".utf8)),
        ("bad chunk", Array("POST /beta/me/profile/positions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n".utf8)),
        ("header without colon", Array("GET /beta/me/profile/positions HTTP/1.1\r\nHost x\r\nno colon here\r\n\r\n".utf8)),
        ("NUL in request line", Array("GET /beta/\u{0}me HTTP/1.1\r\nHost: x\r\n\r\n".utf8)),
        ("HTTP/9", Array("GET / HTTP/9.9\r\nHost: x\r\n\r\n".utf8)),
    ]

    private let group = DispatchGroup()
    private let lock = NSLock()
    private var results: [(String, Bool)] = []

    init(port: Int, rounds: Int = 4) {
        for round in 0..<rounds {
            for (name, payload) in Self.payloads {
                group.enter()
                Thread { [self] in
                    let closed = Self.abuse(port: port, payload: payload)
                    lock.withLock { results.append(("\(name) #\(round)", closed)) }
                    group.leave()
                }.start()
            }
        }
    }

    func waitAll() -> [(String, Bool)] {
        _ = group.wait(timeout: .now() + 20)
        return lock.withLock { results }
    }

    /// Sends the payload, then reads (discarding any error response) until EOF or 5 s pass.
    static func abuse(port: Int, payload: [UInt8]) -> Bool {
        guard let fd = Loopback.connectedSocket(port: port) else { return false }
        defer { close(fd) }
        _ = payload.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let deadline = Date().addingTimeInterval(5)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return true }
        }
        return false
    }
}
