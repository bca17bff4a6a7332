import CurlClient
import Foundation
import Reporting
@testable import Runner
import Identifiers
import TestSupport
import Testing

/// The runner against deliberately broken servers on loopback. Each test runs a small inline file:
/// a case that hits the bad behaviour and a case after it that a healthy route answers, and checks
/// the verdict and its reason, that the run went on, how long it took, and that the JUnit XML
/// rendered from the results still validates against the Jenkins xUnit schema.
extension Robustness {
@Suite(.timeLimit(.minutes(5))) struct BadServerTests {
    static let twoCases = """
        suite: bad-server
        cases:
          - name: victim
            steps:
              - {method: GET, path: /bad, expect: {status: 200, json: {ok: true}}}
          - name: survivor
            steps:
              - {method: GET, path: /good, expect: {status: 200, json: {ok: true}}}
        """

    static let okBody = Array(#"{"ok":true}"#.utf8)

    /// A server that plays `behaviour` on /bad and answers everything else properly.
    static func server(_ behaviour: ScriptedBehaviour) throws -> ScriptedServer {
        try ScriptedServer { request in
            request.path == "/bad" ? behaviour : .respond(status: 200, headers: [("Content-Type", "application/json")], body: okBody)
        }
    }

    /// Runs the two-case file against a server playing `behaviour`; checks the survivor passed, the
    /// run stayed under `maxSeconds` and the report validates. Returns the victim's report.
    /// `maxSeconds` is a hang guard (about ten times the expected time on an idle machine); which
    /// failure mode happened is told by the problem's type, never by a tight clock.
    static func victim(of behaviour: ScriptedBehaviour, maxSeconds: Double = 30, _ adjust: (inout RunSettings) -> Void = { _ in },
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> (CaseReport, Harness.Outcome) {
        let server = try server(behaviour)
        defer { server.stop() }
        let outcome = await Harness.run(try Harness.plan(twoCases), settings: Harness.settings(server.baseURL, adjust))
        let victim = try #require(outcome.byName["victim"], sourceLocation: sourceLocation)
        let survivor = try #require(outcome.byName["survivor"], sourceLocation: sourceLocation)
        #expect(survivor.outcome.kind == "passed", "the run must go on after a bad answer: \(survivor.outcome.text)", sourceLocation: sourceLocation)
        #expect(outcome.seconds < maxSeconds, "took \(outcome.seconds) s", sourceLocation: sourceLocation)
        try Harness.expectValidJUnit(outcome, sourceLocation: sourceLocation)
        return (victim, outcome)
    }

    static func expectError(_ report: CaseReport, types: Set<String>, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(report.outcome.kind == "error", "\(report.outcome.text)", sourceLocation: sourceLocation)
        #expect(types.contains(report.outcome.problem?.type ?? ""), "got \(report.outcome.text)", sourceLocation: sourceLocation)
        // The reason names the step and the request, so a reader knows what was being sent.
        #expect(report.outcome.problem?.message.contains("step 1") == true, "\(report.outcome.text)", sourceLocation: sourceLocation)
        #expect(report.outcome.problem?.detail.contains("/bad") == true, "\(report.outcome.text)", sourceLocation: sourceLocation)
    }

    // MARK: Below HTTP

    @Test func connectionRefusedIsATransportConnectErrorAndTheRunGoesOn() async throws {
        let port = try StalledListener.refusedPort()
        let planned = try Harness.plan("""
            suite: refused
            cases:
              - {name: one, steps: [{method: GET, path: /a}]}
              - {name: two, steps: [{method: GET, path: /b}]}
              - {name: three, steps: [{method: GET, path: /c}]}
            """)
        let outcome = await Harness.run(planned, settings: Harness.settings("http://127.0.0.1:\(port)") { $0.maxConsecutiveTransportFailures = 10 })
        #expect(outcome.results.count == 3)
        for result in outcome.results {
            #expect(result.outcome.kind == "error")
            #expect(result.outcome.problem?.type == "transport.connect", "\(result.outcome.text)")
        }
        #expect(outcome.seconds < 10, "refusals are instant; generous for a loaded CI machine")
        try Harness.expectValidJUnit(outcome)
        #expect(outcome.junit.contains("type=\"transport.connect\""))
    }

    /// A listener whose accept queue is full drops new SYNs, so connect() waits: a connect timeout
    /// produced entirely on 127.0.0.1.
    @Test func connectTimeoutOnAFullAcceptQueue() async throws {
        let listener: StalledListener
        do {
            listener = try StalledListener()
        } catch {
            Issue.record("connect timeout cannot be produced on loopback here: \(error)", severity: .warning)
            return
        }
        defer { listener.stop() }
        let planned = try Harness.plan("""
            suite: connect-timeout
            cases:
              - {name: one, steps: [{method: GET, path: /a}]}
              - {name: two, steps: [{method: GET, path: /b}]}
            """)
        let outcome = await Harness.run(planned, settings: Harness.settings(listener.baseURL) {
            $0.transfer.connectTimeout = 1
            $0.transfer.totalTimeout = 10
            $0.maxConsecutiveTransportFailures = 10
        })
        for result in outcome.results {
            #expect(result.time < 9, "a 1 s connect timeout, not the 10 s total: \(result.time)")
            #expect(result.outcome.problem?.type == "transport.timeout", "\(result.outcome.text)")
            #expect(result.outcome.problem?.detail.lowercased().contains("connect") == true, "\(result.outcome.text)")
        }
        // Two connect timeouts of 1 s, not two total timeouts of 10 s (20 s); the per-case bound
        // above is the sharp one, this one only has to tell the failure mode apart under load.
        #expect(outcome.seconds < 30, "took \(outcome.seconds) s")
        try Harness.expectValidJUnit(outcome)
    }

    @Test func serverThatAcceptsAndNeverAnswersHitsTheTotalTimeout() async throws {
        let (victim, outcome) = try await Self.victim(of: .acceptAndHang)
        // transport.timeout (not run.deadline, the 10 s case deadline) says the 2 s total timeout ended it.
        Self.expectError(victim, types: ["transport.timeout"])
        #expect(victim.time >= 1.5, "the case waited out the 2 s total timeout: \(victim.time)")
        #expect(outcome.junit.contains("<error "))
    }

    @Test func responseCutMidHeaders() async throws {
        let (victim, _) = try await Self.victim(of: .cutMidHeaders)
        Self.expectError(victim, types: ["transport.receive", "transport.malformedResponse"])
    }

    @Test func responseCutMidBody() async throws {
        let (victim, _) = try await Self.victim(of: .cutMidBody)
        Self.expectError(victim, types: ["transport.receive"])
    }

    @Test func connectionResetByPeer() async throws {
        let (victim, _) = try await Self.victim(of: .reset)
        Self.expectError(victim, types: ["transport.receive"])
    }

    @Test func connectionClosedWithoutAnAnswer() async throws {
        let (victim, _) = try await Self.victim(of: .closeImmediately)
        Self.expectError(victim, types: ["transport.receive"])
    }

    // MARK: Hostile bytes

    /// Seeded so a failure reproduces: NULs, control characters, high bytes, no status line.
    @Test func garbageInsteadOfHTTP() async throws {
        var generator = SeededRandom(seed: 0x6C6F_6F70)
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (victim, outcome) = try await Self.victim(of: .raw(garbage))
        Self.expectError(victim, types: ["transport.malformedResponse"])
        #expect(outcome.junit.utf8.count < 64 * 1024)
    }

    static let evil: [UInt8] = [0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B] + Array("[31mred".utf8) + [0x7F, 0xFF, 0xFE, 0xC3, 0x28, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80]
        + Array("]]><!--&amp;</testcase>".utf8)

    /// Control characters and invalid UTF-8 in header values and in the body of an otherwise valid
    /// answer: the case fails on the contract, and the report (which quotes what came back) still
    /// is well-formed XML that validates.
    @Test func controlCharactersAndInvalidUTF8InHeadersAndBody() async throws {
        var response = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Evil: ".utf8) + Self.evil
        let body = Array(#"{"ok":"#.utf8) + Self.evil + Array("}".utf8)
        response += Array("\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        let server = try Self.server(.raw(response))
        defer { server.stop() }
        let planned = try Harness.plan("""
            suite: evil-bytes
            cases:
              - name: body
                steps:
                  - {method: GET, path: /bad, expect: {status: 200, json: {ok: true}}}
              - name: header
                steps:
                  - {method: GET, path: /bad, expect: {status: 200, headers: {x-evil: clean}}}
              - name: survivor
                steps:
                  - {method: GET, path: /good, expect: {status: 200, json: {ok: true}}}
            """)
        let outcome = await Harness.run(planned, settings: Harness.settings(server.baseURL))
        for name in ["body", "header"] {
            let report = try #require(outcome.byName[name])
            #expect(report.outcome.kind == "failed", "\(name): \(report.outcome.text)")
            #expect(report.outcome.problem?.type == "graph.contract-mismatch", "\(name): \(report.outcome.text)")
        }
        #expect(outcome.byName["header"]?.outcome.problem?.message.contains("x-evil") == true)
        #expect(outcome.byName["survivor"]?.outcome.kind == "passed")
        try Harness.expectValidJUnit(outcome)
        let xml = outcome.junit
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }, "raw control characters in the XML")
        #expect(!xml.contains("</testcase>]]>") && xml.components(separatedBy: "<testcase ").count == 4)
        #expect(JSONReportWriter.render(outcome.report).utf8.count > 0)
    }

    /// A NUL inside a header line: refused by curl or kept, but never a crash or invalid XML.
    @Test func nulByteInAHeader() async throws {
        let response = Array("HTTP/1.1 200 OK\r\nX-Nul: a".utf8) + [0] + Array("b\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}".utf8)
        let (victim, _) = try await Self.victim(of: .raw(response))
        #expect(["passed", "error"].contains(victim.outcome.kind), "\(victim.outcome.text)")
        if victim.outcome.kind == "error" { Self.expectError(victim, types: ["transport.malformedResponse", "transport.receive"]) }
    }

    // MARK: Size and speed

    /// 64 MiB of body: only a bounded prefix is kept, and the transcript and the report stay small.
    @Test func sixtyFourMebibyteBodyKeepsABoundedPrefix() async throws {
        let (victim, outcome) = try await Self.victim(of: .hugeBody(bytes: 64 << 20), maxSeconds: 60)
        #expect(victim.outcome.kind == "failed", "\(victim.outcome.text)")
        #expect(victim.outcome.problem?.type == "graph.contract-mismatch", "\(victim.outcome.text)")
        let transcript = victim.transcript ?? ""
        #expect(transcript.contains("of \(64 << 20) bytes"), "the transcript says the body was cut: \(transcript.suffix(500))")
        #expect(transcript.utf8.count < 64 * 1024, "transcript is \(transcript.utf8.count) bytes")
        #expect(outcome.junit.utf8.count < 256 * 1024, "JUnit is \(outcome.junit.utf8.count) bytes")
        #expect(JSONReportWriter.render(outcome.report).utf8.count < 256 * 1024)
        #expect(victim.outcome.problem?.message.contains("body cut at \(TransferOptions().maxBodyBytes) bytes") == true, "\(victim.outcome.text)")
        // Peak memory is measured on the CLI in a process of its own: CLITests.hugeBodyDoesNotBlowMemory.
    }

    /// One byte every 0.2 s is below a 100 B/s low-speed limit: the transfer is cut after the
    /// low-speed window, long before the total timeout.
    @Test func drippingServerTripsTheLowSpeedLimit() async throws {
        let slow = Array("HTTP/1.1 200 OK\r\nContent-Length: 200\r\n\r\n".utf8) + [UInt8](repeating: 0x78, count: 200)
        let (victim, _) = try await Self.victim(of: .drip(slow, interval: 0.2), maxSeconds: 60) {
            $0.transfer.lowSpeedLimit = 100
            $0.transfer.lowSpeedTime = 1
            $0.transfer.totalTimeout = 40
            $0.caseDeadline = 50
        }
        Self.expectError(victim, types: ["transport.timeout"])
        // The 200-byte drip lasts 40 s: ending well before it can only be the 1 s low-speed window.
        #expect(victim.time < 30, "low-speed abort, not the 40 s total timeout: \(victim.time)")
        #expect(victim.outcome.problem?.detail.lowercased().contains("slow") == true, "\(victim.outcome.text)")
    }

    // MARK: Redirects

    /// A 302 to another host is reported, not followed; the other host hears nothing.
    @Test func redirectToAnotherHostIsNotFollowed() async throws {
        let elsewhere = try ScriptedServer(.respond(status: 200, body: Self.okBody))
        defer { elsewhere.stop() }
        let (victim, _) = try await Self.victim(of: .redirect(to: "http://localhost:\(elsewhere.port)/steal", status: 302))
        #expect(victim.outcome.kind == "failed", "\(victim.outcome.text)")
        #expect(victim.outcome.problem?.type == "graph.contract-mismatch")
        #expect(victim.outcome.problem?.message.contains("302") == true, "\(victim.outcome.text)")
        // A followed redirect would have connected before the case ended, so there is nothing to wait for.
        #expect(elsewhere.connectionCount == 0 && elsewhere.requests.isEmpty, "the redirect target was contacted")
    }

    /// Even with following switched on in the transfer options, the bearer token never goes to the
    /// other host.
    @Test func followedRedirectNeverForwardsAuthorization() async throws {
        let elsewhere = try ScriptedServer(.respond(status: 200, headers: [("Content-Type", "application/json")], body: Self.okBody))
        defer { elsewhere.stop() }
        let origin = try Self.server(.redirect(to: "http://localhost:\(elsewhere.port)/steal", status: 307))
        defer { origin.stop() }
        let outcome = await Harness.run(try Harness.plan(Self.twoCases), settings: Harness.settings(origin.baseURL) { $0.transfer.followRedirects = true })
        #expect(outcome.results.count == 2)
        #expect(origin.requests.first?.header("Authorization")?.hasPrefix("Bearer ey") == true, "the origin gets the token")
        for request in elsewhere.requests {
            #expect(request.header("Authorization") == nil, "Authorization forwarded to another host: \(request.rawText)")
        }
        let tokens = Harness.tokens.values
        for request in elsewhere.requests {
            #expect(!tokens.contains { request.rawText.contains($0) })
        }
    }

    // MARK: Secrets echoed back

    /// A server that reflects the whole request (Authorization included) in a response header and
    /// in the body: the failing cases quote the response, yet no credential reaches the report.
    @Test func echoedCredentialsAreRedactedInTheReport() async throws {
        let server = try ScriptedServer { request in
            let echo = request.rawText
            let authorization = request.header("Authorization") ?? "none"
            return .respond(status: 400, headers: [("Content-Type", "text/plain"), ("X-Echo", authorization), ("Set-Cookie", "session=\(authorization)")],
                            body: Array(("you sent:\n" + echo + "\nauth=" + authorization + "\n").utf8))
        }
        defer { server.stop() }
        let planned = try Harness.plan("""
            suite: echo
            cases:
              - name: own token
                steps: [{method: GET, path: /a, expect: {status: 200}}]
              - name: expired token
                steps: [{method: GET, path: /b, auth: {token: expired}, expect: {status: 200}}]
              - name: other scheme
                steps: [{method: GET, path: /c, auth: {scheme: bearer}, expect: {status: 200}}]
              - name: basic
                steps: [{method: GET, path: /d, auth: {header: "Basic dXNlcjpzM2NyZXQ="}, expect: {status: 200}}]
              - name: token in a header the case sets
                steps: [{method: GET, path: /e, headers: {X-Api-Key: "Bearer ${policy.complexPatch}"}, expect: {status: 200}}]
            """)
        let tokens = Harness.tokens
        let outcome = await Harness.run(planned, settings: Harness.settings(server.baseURL), tokens: tokens)
        #expect(outcome.results.allSatisfy { $0.outcome.kind == "failed" }, "\(outcome.results.map(\.outcome.text))")
        let sent = server.requests.compactMap { $0.header("Authorization") }
        #expect(sent.count == 5, "\(sent)")
        let secrets = sent.map { String($0.split(separator: " ", maxSplits: 1).last ?? "") } + Array(tokens.values)
        let texts = ["junit": outcome.junit, "json": JSONReportWriter.render(outcome.report),
                     "transcripts": outcome.results.compactMap(\.transcript).joined(), "problems": outcome.results.map(\.outcome.text).joined()]
        for (name, text) in texts {
            for secret in secrets where !secret.isEmpty {
                #expect(!text.contains(secret), "a credential (\(secret.prefix(12))…) appears in the \(name)")
                let parts = secret.split(separator: ".")
                if parts.count >= 2 {
                    #expect(!text.contains(parts[1]), "a token payload appears in the \(name)")
                }
            }
        }
        #expect(outcome.junit.contains("[REDACTED]"))
        try Harness.expectValidJUnit(outcome)
    }

    // MARK: Throttling

    /// 429 with Retry-After: 0 forever: retries stop at RetryPolicy.maxRetries, the case fails with
    /// the 429, and each retry is visible in the report.
    @Test func throttlingStormIsBoundedByTheRetryPolicy() async throws {
        let (victim, outcome) = try await Self.victim(of: .respond(status: 429, headers: [("Retry-After", "0")]), maxSeconds: 40)
        let policy = RetryPolicy()
        #expect(victim.outcome.kind == "failed", "\(victim.outcome.text)")
        #expect(victim.outcome.problem?.type == "graph.contract-mismatch")
        #expect(victim.outcome.problem?.message.contains("429") == true, "\(victim.outcome.text)")
        #expect(victim.retries.count == policy.maxRetries)
        #expect(victim.retries.allSatisfy { $0.status == 429 })
        #expect(victim.clientRequestIDs.count == policy.maxRetries + 1)
        #expect(Set(victim.clientRequestIDs).count == victim.clientRequestIDs.count, "each attempt has its own client-request-id")
        #expect(outcome.junit.contains("flakyFailure"), "retries are visible in the JUnit XML")
    }

    /// Retry-After: 1 forever with a 2 s total-delay budget: two retries, then the 429 verdict.
    @Test func throttlingStormIsBoundedByTheTotalDelay() async throws {
        let (victim, outcome) = try await Self.victim(of: .respond(status: 429, headers: [("Retry-After", "1")]), maxSeconds: 40) {
            $0.retry.maxTotalDelay = 2
        }
        #expect(victim.retries.count == 2)
        #expect(victim.outcome.problem?.message.contains("429") == true, "\(victim.outcome.text)")
        #expect(outcome.seconds >= 2)
    }

    /// A Retry-After beyond the per-retry bound, or unreadable, is not waited for at all.
    @Test(arguments: ["3600", "-1", "soon", "Wed, 21 Oct 2099 07:28:00 GMT"])
    func unusableRetryAfterIsNotWaitedFor(value: String) async throws {
        let (victim, _) = try await Self.victim(of: .respond(status: 429, headers: [("Retry-After", value)]), maxSeconds: 40)
        #expect(victim.retries.isEmpty)
        #expect(victim.outcome.problem?.message.contains("429") == true, "\(victim.outcome.text)")
    }

    // MARK: A target that goes silent

    static func manyCases(_ count: Int, teardown: Bool = false) -> String {
        var yaml = "suite: silent\n"
        if teardown { yaml += "teardown:\n  - {method: DELETE, path: /cleanup, expect: {status: [204, 404]}}\n" }
        yaml += "cases:\n"
        for index in 0..<count { yaml += "  - {name: case \(index), steps: [{method: GET, path: /x/\(index)}]}\n" }
        return yaml
    }

    /// 20 cases against a server that accepts and never answers: after 3 consecutive timeouts the
    /// rest are reported at once as transport.target-silent, not after 17 more timeouts.
    @Test(arguments: [1, 4])
    func silentTargetCostsThreeTimeoutsNotTwenty(jobs: Int) async throws {
        let server = try ScriptedServer(.acceptAndHang)
        defer { server.stop() }
        let timeout = 1.0
        let outcome = await Harness.run(try Harness.plan(Self.manyCases(20)), settings: Harness.settings(server.baseURL) {
            $0.jobs = jobs
            $0.transfer.totalTimeout = timeout
            $0.maxConsecutiveTransportFailures = 3
        })
        #expect(outcome.results.count == 20)
        // Three timeouts, not twenty: the counts below tell the modes apart; the clock is a hang guard.
        #expect(outcome.seconds < 60, "took \(outcome.seconds) s")
        let types = outcome.results.map { $0.outcome.problem?.type ?? $0.outcome.kind }
        let timeouts = types.filter { $0 == "transport.timeout" }.count
        let silent = types.filter { $0 == "transport.target-silent" }.count
        #expect(timeouts >= 3 && timeouts <= jobs + 3, "\(types)")
        #expect(timeouts + silent == 20, "\(types)")
        #expect(outcome.results.allSatisfy { $0.outcome.kind == "error" })
        #expect(outcome.results.last?.outcome.problem?.message.contains("stopped answering") == true)
        try Harness.expectValidJUnit(outcome)
    }

    /// With a file-level teardown each timed-out case also spends a timeout on its cleanup; the run
    /// must still stop early (at most one timeout more than the threshold).
    @Test func silentTargetWithTeardownStillStopsEarly() async throws {
        let server = try ScriptedServer(.acceptAndHang)
        defer { server.stop() }
        let outcome = await Harness.run(try Harness.plan(Self.manyCases(20, teardown: true)), settings: Harness.settings(server.baseURL) {
            $0.transfer.totalTimeout = 1
            $0.maxConsecutiveTransportFailures = 3
        })
        #expect(outcome.seconds < 60, "took \(outcome.seconds) s (hang guard; the count below is the sharp check)")
        #expect(outcome.results.filter { $0.outcome.problem?.type == "transport.target-silent" }.count >= 17)
        try Harness.expectValidJUnit(outcome)
    }
}

}
