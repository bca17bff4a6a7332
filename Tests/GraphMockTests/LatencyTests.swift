import Foundation
@testable import GraphMock
import TestSupport
import Testing

/// `MockConfiguration.latency` delays answers without holding a thread, and `throttleAboveInFlight`
/// counts what is really in flight.
@Suite("Latency", .timeLimit(.minutes(1))) struct LatencyTests {
    @Test(arguments: [("50", MockLatency(milliseconds: 50)), ("50~20", MockLatency(milliseconds: 50, jitterMilliseconds: 20)),
                      ("0", MockLatency(milliseconds: 0))])
    func parses(text: String, expected: MockLatency) {
        #expect(MockLatency(parsing: text) == expected)
    }

    @Test(arguments: ["", "-5", "50~", "50~-1", "fast", "50~20~3"])
    func refuses(text: String) {
        #expect(MockLatency(parsing: text) == nil)
    }

    @Test func jitterStaysWithinItsBounds() {
        let latency = MockLatency(milliseconds: 50, jitterMilliseconds: 20)
        var generator = SystemRandomNumberGenerator()
        let draws = (0..<500).map { _ in latency.draw(using: &generator) }
        #expect(draws.allSatisfy { (30...70).contains($0) })
        #expect(Set(draws).count > 1)
        #expect(MockLatency(milliseconds: 5, jitterMilliseconds: 20).draw() >= 0)
    }

    /// 64 connections each send a request at once; with a 1 s latency every one of them must be in
    /// flight together (the server's own count), which a wait that blocked an event loop or a
    /// worker thread could not allow on this machine's few threads. Each still gets its answer.
    @Test func sixtyFourSlowRequestsOverlap() async throws {
        var configuration = MockConfiguration()
        configuration.latency = MockLatency(milliseconds: 1000)
        let server = try await GraphMockServer.start(configuration: configuration)
        let port = server.port
        let statuses = try await offPool { () throws -> [Int] in
            let clients = try (0..<64).map { _ in try RawHTTPClient(port: port, timeoutSeconds: 30) }
            for client in clients {
                try client.send("GET /beta/me/profile/positions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            }
            return try clients.map { try $0.readResponse().status }
        }
        let peak = server.load.peakInFlight
        try await server.shutdown()
        #expect(statuses.count == 64 && statuses.allSatisfy { $0 == 401 }, "\(statuses)")
        #expect(peak == 64, "only \(peak) requests were in flight at once")
    }

    /// More than 2 in flight: the third and later get 429 with Retry-After, counted by the server.
    @Test func throttlesAboveTheInFlightLimit() async throws {
        var configuration = MockConfiguration()
        configuration.latency = MockLatency(milliseconds: 1000)
        configuration.throttleAboveInFlight = 2
        let server = try await GraphMockServer.start(configuration: configuration)
        let port = server.port
        let responses = try await offPool { () throws -> [(Int, String?)] in
            let clients = try (0..<5).map { _ in try RawHTTPClient(port: port, timeoutSeconds: 30) }
            for client in clients {
                try client.send("GET /beta/me/profile/positions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            }
            return try clients.map { let response = try $0.readResponse(); return (response.status, response.header("Retry-After")) }
        }
        let throttled = server.load.throttledAnswers
        try await server.shutdown()
        #expect(responses.filter { $0.0 == 429 }.count == 3, "\(responses)")
        #expect(responses.filter { $0.0 == 429 }.allSatisfy { $0.1 == "1" })
        #expect(throttled == 3)
    }
}
