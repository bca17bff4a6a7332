import CurlClient
import Foundation
import Reporting
@testable import Runner
import TestSupport
import Testing

/// Issue 19 part 3: a bearer token goes to the target's origin and nowhere else. Every way a
/// server can point the suite elsewhere — a redirect, an `@odata.nextLink` in a case, a nextLink
/// while `cleanup` pages — is aimed at a second loopback listener, which must never see an
/// Authorization header (nor, here, any request at all).
extension Robustness {
@Suite(.timeLimit(.minutes(1))) struct TokenOriginTests {
    static let json = [("Content-Type", "application/json")]

    /// The listener the token must never reach: same host as the target, another port.
    static func elsewhere() throws -> ScriptedServer {
        try ScriptedServer(.respond(status: 200, headers: json, body: Array(#"{"value":[]}"#.utf8)))
    }

    static func expectUntouched(_ elsewhere: ScriptedServer, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for request in elsewhere.requests {
            #expect(request.header("Authorization") == nil, "Authorization reached another origin: \(request.rawText)", sourceLocation: sourceLocation)
        }
        #expect(elsewhere.requests.isEmpty, "another origin was contacted: \(elsewhere.receivedRequests)", sourceLocation: sourceLocation)
    }

    @Test func redirectsAndNextLinksInCasesNeverCarryTheToken() async throws {
        let elsewhere = try Self.elsewhere()
        defer { elsewhere.stop() }
        let foreign = "http://127.0.0.1:\(elsewhere.port)/beta/me/profile/positions?page=2"
        let target = try ScriptedServer { request in
            switch request.path {
            case "/redirect": .redirect(to: foreign, status: 307)
            case "/list": .respond(status: 200, headers: Self.json, body: Array(#"{"value":[{"id":"a"}],"@odata.nextLink":"\#(foreign)"}"#.utf8))
            default: .respond(status: 200, headers: Self.json, body: Array("{}".utf8))
            }
        }
        defer { target.stop() }
        let yaml = """
            suite: origin
            cases:
              - name: redirect
                steps:
                  - {method: GET, path: /redirect, expect: {status: 200}}
              - name: next link
                steps:
                  - {method: GET, path: /list, pages: all, expect: {status: 200}}
            """
        let outcome = await Harness.run(try Harness.plan(yaml), settings: Harness.settings(target.baseURL))
        let byName = outcome.byName
        #expect(byName["redirect"]?.outcome.problem?.message.contains("307") == true, "\(byName["redirect"]?.outcome.text ?? "")")
        #expect(byName["next link"]?.outcome.problem?.message.contains("leaves the target") == true, "\(byName["next link"]?.outcome.text ?? "")")
        #expect(target.requests.allSatisfy { $0.header("Authorization")?.hasPrefix("Bearer ") == true }, "the target itself gets the token")
        Self.expectUntouched(elsewhere)
        try Harness.expectValidJUnit(outcome)
    }

    /// `cleanup` pages with the same rule, and with the run's transport settings.
    @Test func cleanupPagingNeverCarriesTheToken() throws {
        let elsewhere = try Self.elsewhere()
        defer { elsewhere.stop() }
        let target = try ScriptedServer { request in
            let body = #"{"value":[],"@odata.nextLink":"http://127.0.0.1:\#(elsewhere.port)/beta/me/profile/positions?$skiptoken=x"}"#
            return .respond(status: 200, headers: Self.json, body: Array(body.utf8))
        }
        defer { target.stop() }
        var transfer = TransferOptions()
        transfer.totalTimeout = 5
        let cleanup = Cleanup(target: Harness.suite.target, tokens: Harness.tokens, baseURL: target.baseURL + "/beta", transfer: transfer)
        let outcome = try cleanup.run()
        #expect(!target.requests.isEmpty, "cleanup asked the target for its positions")
        #expect(outcome.problems.contains { $0.contains("leaves the target's origin") }, "\(outcome.problems)")
        Self.expectUntouched(elsewhere)
    }

    /// Cleanup honours `--timeout`: a target that never answers costs the configured timeout, not
    /// libcurl's default of none.
    @Test func cleanupHonoursTheRunsTimeout() throws {
        let silent = try ScriptedServer(.acceptAndHang)
        defer { silent.stop() }
        var transfer = TransferOptions()
        transfer.totalTimeout = 1
        let started = Date()
        let cleanup = Cleanup(target: Harness.suite.target, tokens: Harness.tokens, baseURL: silent.baseURL + "/beta", transfer: transfer)
        #expect(throws: TransportError.self) { try cleanup.run() }
        #expect(Date().timeIntervalSince(started) < 1 + 10)
    }

    @Test(arguments: [
        ("https://graph.microsoft.com/beta/me", true),
        ("https://GRAPH.microsoft.com:443/beta/x", true),
        ("http://graph.microsoft.com/beta", false),
        ("https://graph.microsoft.com:8443/beta", false),
        ("https://graph.microsoft.com.evil.example/beta", false),
        ("https://graph.microsoft.com@evil.example/beta", false),
        ("https://graph.microsoft.com:443/beta/me?$top=1", true),
        ("https://graph.microsoft.com:443@evil.example/beta", false),
        ("https://graph.microsoft.com/@evil.example/beta", true),  // a path, not userinfo: same origin
        ("//graph.microsoft.com/beta", false),
        ("/beta/me", false),
        ("not a url", false),
    ])
    func onlyTheTargetsOriginIsAllowed(url: String, allowed: Bool) throws {
        let origin = try #require(TokenOrigin(baseURL: "https://graph.microsoft.com/beta"))
        #expect(origin.allows(url) == allowed, "\(url)")
    }
}
}
