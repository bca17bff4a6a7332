import CaseModel
import CurlClient
import Foundation
import GraphMock
import JSONShape
import Reporting
@testable import Runner
import Testing

/// Each construct of the case language, run for real (embedded mock on an ephemeral port, libcurl)
/// with a passing and a failing fixture.
@Suite(.serialized) struct ConstructTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/constructs.yaml")

    /// The embedded target without its `app` principal, so a skip can be observed.
    static func loadSuite() throws -> (TargetFile, ShapeRegistry, [PlannedCase]) {
        let sink = DiagnosticSink()
        let targetPath = repoRoot.appendingPathComponent("cases/targets/embedded.yaml").path
        var target = try #require(TargetFileDecoder.load(text: String(contentsOfFile: targetPath, encoding: .utf8), path: targetPath, sink: sink))
        target.principals["app"] = nil
        let shapes = ContractLoader.load(directory: repoRoot.appendingPathComponent("cases/contract").path, sink: sink)
        let context = SuiteLoader.lintContext(target: target, shapes: shapes)
        let file = try #require(CaseFileDecoder.load(text: String(contentsOf: fixture, encoding: .utf8), path: "Fixtures/constructs.yaml", context: context, sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return (target, shapes, PlannedCase.plan([file], enumMembers: shapes.enumMembers))
    }

    static func run(_ planned: [PlannedCase], target: TargetFile, shapes: ShapeRegistry, baseURL: String, jobs: Int = 2) async -> [CaseReport] {
        let tokens = TokenProvider(forceMint: true).tokens(for: target).tokens
        var settings = RunSettings(baseURL: baseURL, runID: "test-run")
        settings.jobs = jobs
        settings.transfer.totalTimeout = 5
        return await ConformanceRun(planned: planned, target: target, tokens: tokens, shapes: shapes, settings: settings).results()
    }

    @Test func everyConstructPassesOrFailsAsDesigned() async throws {
        let (target, shapes, planned) = try Self.loadSuite()
        let server = try await GraphMockServer.start(configuration: MockConfiguration())
        let results = await Self.run(planned, target: target, shapes: shapes, baseURL: server.baseURL)
        try await server.shutdown()
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })

        for result in results where result.name.hasPrefix("pass") {
            #expect(result.outcome.kind == "passed", "\(result.name): \(result.outcome.text)\n\(result.transcript ?? "")")
        }
        #expect(byName["pass matrix enum [type=business]"] != nil)
        #expect(results.filter { $0.name.hasPrefix("pass matrix enum") }.count == 4)

        let failures: [String: (String, Int)] = [
            "fail status": ("status: expected 201, got 200", 27),
            "fail header match": ("header content-type: expected to match /^text/plain/", 45),
            "fail at pointer": ("/detail/company/address/city: expected \"Bergen\", got \"Oslo\"", 63),
            "fail unchanged": ("/isCurrent", 80),
        ]
        for (name, (message, line)) in failures {
            let result = try #require(byName[name])
            #expect(result.outcome.kind == "failed", "\(name): \(result.outcome.text)")
            #expect(result.outcome.text.contains(message), "\(name): \(result.outcome.text)")
            #expect(result.outcome.text.contains("Fixtures/constructs.yaml:\(line):"), "\(name): \(result.outcome.text)")
        }
        #expect(byName["skipped by policy"]?.outcome.text.contains("complexPatch") == true)
        #expect(byName["skipped without principal"]?.outcome.text.contains("no principal 'app'") == true)
        #expect(byName["error in setup-like capture"]?.outcome.kind == "failed")
        // Every case's teardown ran: nothing the fixtures created is left behind.
        let leftovers = try await Self.positionsLeft(target: target, shapes: shapes)
        #expect(leftovers == 0)
    }

    /// Runs the fixture's setup/teardown pairs on a fresh mock and counts what the list shows after.
    static func positionsLeft(target: TargetFile, shapes: ShapeRegistry) async throws -> Int {
        let server = try await GraphMockServer.start(configuration: MockConfiguration())
        let (_, _, planned) = try loadSuite()
        _ = await run(planned, target: target, shapes: shapes, baseURL: server.baseURL)
        let sink = DiagnosticSink()
        let check = try #require(CaseFileDecoder.load(text: """
            suite: leftovers
            cases:
              - name: list is empty
                steps:
                  - {method: GET, path: /me/profile/positions, expect: {status: 200, json: {value: []}}}
            """, path: "inline.yaml", context: SuiteLoader.lintContext(target: target, shapes: shapes), sink: sink))
        let result = await run(PlannedCase.plan([check], enumMembers: shapes.enumMembers), target: target, shapes: shapes, baseURL: server.baseURL)
        try await server.shutdown()
        return result.first?.outcome.kind == "passed" ? 0 : 1
    }
}

extension CaseOutcome {
    var text: String {
        switch self {
        case .passed: "passed"
        case .failed(let problem), .error(let problem): problem.message + "\n" + problem.text
        case .skipped(let reason): reason
        }
    }
}
