import CaseModel
import CurlClient
import Foundation
import JSONShape
import Reporting
@testable import Runner
import TestSupport
import Testing

/// Every robustness suite nests in here, so they run one at a time: their time bounds should
/// measure the code under test, not the other robustness suites competing for the CPU.
@Suite(.serialized) enum Robustness {}

/// Loads the embedded target and the contract once, turns inline YAML into planned cases, runs them
/// through `ConformanceRun` (never the blocking `run()` from async code) and checks the JUnit output.
enum Harness {
    static let repoRoot = BuiltProduct.repoRoot

    struct Suite: @unchecked Sendable {
        var target: TargetFile
        var shapes: ShapeRegistry
        var context: LintContext
    }

    static let suite: Suite = {
        let sink = DiagnosticSink()
        let targetPath = repoRoot.appendingPathComponent("cases/targets/embedded.yaml").path
        let text = (try? String(contentsOfFile: targetPath, encoding: .utf8)) ?? ""
        let target = TargetFileDecoder.load(text: text, path: targetPath, sink: sink)!
        let shapes = ContractLoader.load(directory: repoRoot.appendingPathComponent("cases/contract").path, sink: sink)
        precondition(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return Suite(target: target, shapes: shapes, context: SuiteLoader.lintContext(target: target, shapes: shapes))
    }()

    /// Decodes an inline case file; any diagnostic is a broken test, not a finding.
    static func plan(_ yaml: String, path: String = "inline/robust.yaml") throws -> [PlannedCase] {
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: yaml, path: path, context: suite.context, sink: sink), "\(sink.diagnostics)")
        try #require(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return PlannedCase.plan([file], enumMembers: suite.shapes.enumMembers)
    }

    /// Short timeouts so a bad server costs seconds, not the production defaults.
    static func settings(_ baseURL: String, _ adjust: (inout RunSettings) -> Void = { _ in }) -> RunSettings {
        var settings = RunSettings(baseURL: baseURL, runID: "robust-run")
        settings.jobs = 1
        settings.transfer.connectTimeout = 1
        settings.transfer.totalTimeout = 2
        settings.caseDeadline = 10
        settings.teardownBudget = 5
        adjust(&settings)
        return settings
    }

    static var tokens: [String: String] { TokenProvider(forceMint: true).tokens(for: suite.target).tokens }

    struct Outcome {
        var planned: [PlannedCase]
        var results: [CaseReport]
        var seconds: Double
        var byName: [String: CaseReport] { Dictionary(results.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }) }
        var report: RunReport {
            ReportAssembler.assemble(planned: planned, results: results, runID: "robust-run", startedAt: Date(timeIntervalSince1970: 1_800_000_000),
                                     properties: [], interrupted: false)
        }
        var junit: String { JUnitWriter.render(report) }
    }

    static func run(_ planned: [PlannedCase], settings: RunSettings, tokens: [String: String]? = nil) async -> Outcome {
        let started = Date()
        let results = await ConformanceRun(planned: planned, target: suite.target, tokens: tokens ?? Self.tokens,
                                           shapes: suite.shapes, settings: settings).results()
        return Outcome(planned: planned, results: results, seconds: Date().timeIntervalSince(started))
    }

    // MARK: JUnit schema

    static var xmllint: String? { JUnitSchema.xmllint }

    static func schemaProblems(ofFile path: String) throws -> String? { try JUnitSchema.problems(inFile: path) }

    /// Asserts the rendered report validates (records a skip note when xmllint is missing).
    static func expectValidJUnit(_ outcome: Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let xml = outcome.junit
        guard xmllint != nil else {
            Issue.record("xmllint missing: JUnit schema validation skipped (apt-get install libxml2-utils)", severity: .warning)
            return
        }
        let problems = try JUnitSchema.problems(in: xml)
        #expect(problems == nil, "JUnit does not validate: \(problems ?? "")\n\(xml.prefix(4000))", sourceLocation: sourceLocation)
    }

    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gc-robust-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension CaseOutcome {
    var text: String {
        switch self {
        case .passed: "passed"
        case .failed(let problem), .error(let problem): "[\(problem.type)] " + problem.message + "\n" + problem.text
        case .skipped(let reason): reason
        }
    }
}


