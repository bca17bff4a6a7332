import CaseModel
import CurlClient
import Foundation
import GraphMock
import JSONShape
import Reporting
import Runner

/// The steps every command that runs cases shares: load and check the suite, get tokens, start
/// the embedded mock when the target asks for it, run, and build the report.
struct RunDriver {
    var prepared: PreparedSuite
    var tokens: [String: String]
    var tokenFailures: [String: String]
    /// Mints the auth cases' broken tokens, signed like the principals' when a key is given.
    var minter = TokenMinter()

    /// Loads everything and prints every diagnostic; throws exit 2 when anything is wrong.
    static func prepare(_ suite: SuiteOptions, baseURL: String?, casePaths: [String]? = nil, forceMint: Bool,
                        minter: TokenMinter = TokenMinter()) throws -> RunDriver {
        let sink = DiagnosticSink()
        let loaded = SuiteLoader.load(casesDirectory: suite.cases, casePaths: casePaths, targetPath: suite.target, sink: sink)
        for diagnostic in sink.sorted { FileHandle.printError(diagnostic.description) }
        guard var prepared = loaded else {
            FileHandle.printError("graph-conformance: \(sink.diagnostics.filter { $0.severity == .error }.count) error(s) in case, contract or target files; nothing was sent")
            throw ToolExit(.usageOrCaseFileError)
        }
        for (name, value) in try suite.policyOverrides() {
            prepared.target.policies[name] = value
        }
        if let baseURL {
            prepared.target.baseURL = baseURL
        }
        var driver = RunDriver(prepared: prepared, tokens: [:], tokenFailures: [:])
        driver.mintTokens(with: minter, forceMint: forceMint || prepared.target.usesEmbeddedMock)
        for failure in driver.tokenFailures.sorted(by: { $0.key < $1.key }) {
            FileHandle.printError("warning: cannot get a token for principal '\(failure.key)': \(failure.value); its cases will be skipped")
        }
        return driver
    }

    /// The mock configuration that matches the target's policies.
    func mockConfiguration(defect: MockDefect? = nil) -> MockConfiguration {
        var configuration = MockConfiguration()
        if let value = prepared.target.policies["complexPatch"]?.stringValue,
            let mode = MockConfiguration.ComplexPatch(rawValue: value)
        {
            configuration.complexPatch = mode
        }
        configuration.defect = defect
        return configuration
    }

    /// Runs the planned cases against `baseURL` and assembles the report.
    func execute(_ planned: [PlannedCase], baseURL: String, settings: RunSettings, console: ConsoleReporter?,
                 extraProperties: [ReportProperty] = [], recorder: ExchangeRecorder? = nil, replay: ReplayLog? = nil) async -> RunReport {
        let startedAt = Date()
        let run = ConformanceRun(
            planned: planned, target: prepared.target, tokens: tokens, tokenFailures: tokenFailures,
            shapes: prepared.shapes, settings: settings, minter: minter, recorder: recorder, replay: replay,
            stopRequested: { Interruption.shared.isRequested }, hardStopRequested: { Interruption.shared.isHardStop }
        )
        let results = await run.results { index, total, report in console?.caseFinished(index: index, total: total, report) }
        var properties = [
            ReportProperty(name: "target.name", value: prepared.target.name),
            ReportProperty(name: "target.baseURL", value: baseURL),
            ReportProperty(name: "suite.version", value: GraphConformanceVersion.current),
            ReportProperty(name: "run.id", value: settings.runID),
            ReportProperty(name: "tls.verify", value: settings.transfer.insecure ? "off (--insecure)" : "on"),
            ReportProperty(name: "shapes.extraProperties", value: settings.shapePolicy.extraProperties == .allow ? "allow" : "warn"),
        ]
        if let diagnosis = run.tokenDiagnosis { properties.append(ReportProperty(name: "run.diagnosis", value: diagnosis)) }
        for (name, value) in prepared.target.policies.sorted(by: { $0.key < $1.key }) {
            properties.append(ReportProperty(name: "policy.\(name)", value: value.stringValue ?? value.rendered()))
        }
        return ReportAssembler.assemble(planned: planned, results: results, runID: settings.runID, startedAt: startedAt,
                                        properties: properties + extraProperties, interrupted: Interruption.shared.isRequested)
    }

    static func newRunID() -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        return "gc-\(stamp)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
