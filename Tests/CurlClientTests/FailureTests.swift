import CurlClient
import Testing
import TestSupport

/// Broken or hostile servers must end in a classified TransportError, quickly, never a hang or crash.
@Suite(.timeLimit(.minutes(1)))
struct FailureTests {
    struct BrokenServerCase: Sendable, CustomTestStringConvertible {
        var name: String
        var behaviour: ScriptedBehaviour
        var expectedKinds: Set<TransportError.Kind>
        var testDescription: String { name }
    }

    static let brokenServers: [BrokenServerCase] = [
        BrokenServerCase(name: "close without reply", behaviour: .closeImmediately, expectedKinds: [.receive]),
        BrokenServerCase(name: "TCP reset", behaviour: .reset, expectedKinds: [.receive]),
        BrokenServerCase(name: "cut mid headers", behaviour: .cutMidHeaders, expectedKinds: [.receive, .malformedResponse]),
        BrokenServerCase(name: "cut mid body", behaviour: .cutMidBody, expectedKinds: [.receive]),
        BrokenServerCase(name: "garbage bytes", behaviour: .raw(Array("\u{1}\u{2}this is not http\r\n\r\n".utf8)),
                         expectedKinds: [.malformedResponse]),
        BrokenServerCase(name: "bad status line", behaviour: .raw(Array("HTTP/1.1 abc OK\r\n\r\n".utf8)),
                         expectedKinds: [.malformedResponse]),
    ]

    @Test(arguments: brokenServers)
    func brokenServerIsATransportError(_ testCase: BrokenServerCase) throws {
        let server = try ScriptedServer(testCase.behaviour)
        defer { server.stop() }
        let session = try CurlSession()
        let started = ContinuousClock.now

        let error = #expect(throws: TransportError.self) {
            try session.perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: Fixtures.options())
        }

        #expect(error.map { testCase.expectedKinds.contains($0.kind) } == true, "got \(String(describing: error))")
        #expect(error.map { !$0.message.isEmpty } == true)
        // Hang guard only: the error's kind (not a timeout) already says it did not wait the timeout out.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func connectionRefusedIsConnectAndLeaksNoToken() throws {
        let closed = try ScriptedServer(.closeImmediately)
        let url = closed.baseURL + "/"
        closed.stop()
        let request = HTTPRequest(method: "GET", url: url, headers: [HTTPHeader(name: "Authorization", value: "Bearer s3cr3t-token")])

        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(request, options: Fixtures.options())
        }

        #expect(error?.kind == .connect)
        #expect(error?.curlCode == 7)
        #expect(error.map { !$0.description.contains("s3cr3t") } == true)
    }

    @Test func unresolvableHostIsResolve() throws {
        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: "http://no-such-host.invalid/"), options: Fixtures.options())
        }
        #expect(error?.kind == .resolve)
    }

    @Test func nonHTTPSchemeIsRejectedAsOther() throws {
        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: "ftp://127.0.0.1/"), options: Fixtures.options())
        }
        #expect(error?.kind == .other)
        #expect(error?.curlCode == 1)
    }

    @Test func hangingServerTimesOutOnTotalTimeout() throws {
        let server = try ScriptedServer(.acceptAndHang)
        defer { server.stop() }
        let started = ContinuousClock.now

        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: Fixtures.options(totalTimeout: 1))
        }

        let elapsed = ContinuousClock.now - started
        #expect(error?.kind == .timeout)
        #expect(elapsed >= .milliseconds(900))
        #expect(elapsed < .seconds(10), "hang guard; the error kind says it was the timeout")
    }

    @Test func drippingServerTripsTheLowSpeedLimit() throws {
        let response = Array("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".utf8) + [UInt8](repeating: 65, count: 1000)
        let server = try ScriptedServer(.drip(response, interval: 0.3))
        defer { server.stop() }
        let options = Fixtures.options(totalTimeout: 60) {
            $0.lowSpeedLimit = 100
            $0.lowSpeedTime = 1
        }
        let started = ContinuousClock.now

        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: server.baseURL + "/"), options: options)
        }

        #expect(error?.kind == .timeout)
        // Well under the 60 s total timeout: it was the low-speed check that fired.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func headerInjectionIsRejectedWithoutEchoingTheValue() throws {
        let server = try Fixtures.echoServer()
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/",
                                  headers: [HTTPHeader(name: "Authorization", value: "Bearer abc\r\nX-Injected: 1")])

        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(request, options: Fixtures.options())
        }

        #expect(error?.kind == .other)
        #expect(error.map { !$0.message.contains("Bearer") && !$0.message.contains("Injected") } == true)
        #expect(server.requests.isEmpty)
    }

    @Test func sessionStaysUsableAfterAFailure() throws {
        let server = try ScriptedServer { request in
            request.path == "/broken" ? .reset : .respond(status: 204)
        }
        defer { server.stop() }
        let session = try CurlSession()

        #expect(throws: TransportError.self) {
            try session.perform(HTTPRequest(method: "GET", url: server.baseURL + "/broken"), options: Fixtures.options())
        }
        let response = try session.perform(HTTPRequest(method: "GET", url: server.baseURL + "/fine"), options: Fixtures.options())

        #expect(response.status == 204)
    }
}
