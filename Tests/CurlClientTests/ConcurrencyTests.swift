import CurlClient
import Dispatch
import Foundation
import Testing
import TestSupport

/// One session per thread is the contract; many of them at once must not interfere or crash.
@Suite(.timeLimit(.minutes(1)))
struct ConcurrencyTests {
    @Test func versionDescriptionNamesLibcurl() throws {
        try Curl.globalInit()
        try Curl.globalInit()  // repeated calls are harmless
        #expect(Curl.versionDescription.hasPrefix("libcurl/"))
    }

    @Test func sessionsOnSeparateThreadsWorkConcurrently() throws {
        let server = try ScriptedServer { request in
            .respond(status: 200, body: Array(request.path.utf8))
        }
        defer { server.stop() }
        let workers = 4
        let requestsPerWorker = 5
        let failures = NSLock()
        nonisolated(unsafe) var problems: [String] = []

        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let session = try CurlSession()
                for index in 0..<requestsPerWorker {
                    let path = "/w\(worker)/r\(index)"
                    let response = try session.perform(HTTPRequest(method: "GET", url: server.baseURL + path),
                                                       options: Fixtures.options())
                    if response.body != Array(path.utf8) {
                        failures.withLock { problems.append("\(path): wrong body") }
                    }
                }
            } catch {
                failures.withLock { problems.append("worker \(worker): \(error)") }
            }
        }

        #expect(problems.isEmpty, "\(problems)")
        #expect(server.requests.count == workers * requestsPerWorker)
        // Keep-alive per session: each worker needs at most a couple of connections, not one per request.
        #expect(server.connectionCount <= workers * 2)
    }
}
