import CurlClient
import Foundation
import TestSupport
import Testing

/// `shouldAbort` ends a transfer that is waiting on a silent server, long before its timeout.
@Suite(.timeLimit(.minutes(1))) struct AbortTests {
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        func get() -> Bool { lock.withLock { value } }
    }

    @Test func abortCheckStopsAHangingTransfer() throws {
        let server = try ScriptedServer(.acceptAndHang)
        defer { server.stop() }
        let flag = Flag()
        var options = TransferOptions()
        options.totalTimeout = 60
        options.shouldAbort = { flag.get() }
        // Abort once the server holds the request, so the transfer is really waiting on it.
        Thread.detachNewThread {
            Readiness.wait(timeout: 30) { !server.requests.isEmpty }
            flag.set()
        }
        let session = try CurlSession()
        let started = Date()
        #expect {
            try session.perform(HTTPRequest(method: "GET", url: server.baseURL + "/hang"), options: options)
        } throws: { error in
            (error as? TransportError)?.kind == .aborted
        }
        #expect(Date().timeIntervalSince(started) < 30, "hang guard: the 60 s timeout would be the failure")
    }

    @Test func abortCheckThatNeverFiresChangesNothing() throws {
        let server = try ScriptedServer(.respond(status: 200, body: Array("ok".utf8)))
        defer { server.stop() }
        var options = TransferOptions()
        options.shouldAbort = { false }
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: options)
        #expect(response.status == 200 && response.body == Array("ok".utf8))
    }
}
