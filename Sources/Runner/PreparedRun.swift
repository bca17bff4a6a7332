import CaseModel
import CurlClient
import Foundation
import GraphMock
import JSONShape
import Reporting

/// Where a run's cases, contract and target come from, and what the command line overrides.
public struct SuiteSource: Sendable {
    public var casesDirectory: String
    public var targetPath: String?
    public var casePaths: [String]?
    public var policyOverrides: [String: JSONValue]
    /// Overrides the target's base URL.
    public var baseURL: String?
    /// Mint test tokens for every principal whatever the target says.
    public var forceMint: Bool

    public init(casesDirectory: String = "cases", targetPath: String? = nil, casePaths: [String]? = nil,
                policyOverrides: [String: JSONValue] = [:], baseURL: String? = nil, forceMint: Bool = false) {
        self.casesDirectory = casesDirectory
        self.targetPath = targetPath
        self.casePaths = casePaths
        self.policyOverrides = policyOverrides
        self.baseURL = baseURL
        self.forceMint = forceMint
    }
}

/// A loaded, checked suite with its tokens: the steps every command that runs cases shares.
public struct PreparedRun: Sendable {
    public var prepared: PreparedSuite
    public var tokens: [String: String]
    public var tokenFailures: [String: String]
    /// Mints the principals' tokens and the auth cases' broken ones, signed when a key is given.
    public var minter = TokenMinter()

    /// Loads everything; every diagnostic and token warning goes to `diagnostics`, one line each.
    /// Throws `.invalidSuite` or `.usage` when nothing may be sent.
    public static func prepare(_ source: SuiteSource, minter: TokenMinter = TokenMinter(),
                               diagnostics: (String) -> Void) throws(ConformanceError) -> PreparedRun {
        let sink = DiagnosticSink()
        let loaded = SuiteLoader.load(casesDirectory: source.casesDirectory, casePaths: source.casePaths,
                                      targetPath: source.targetPath, sink: sink)
        for diagnostic in sink.sorted { diagnostics(diagnostic.description) }
        guard var prepared = loaded else {
            throw .invalidSuite(errorCount: sink.diagnostics.filter { $0.severity == .error }.count)
        }
        for (name, value) in source.policyOverrides { prepared.target.policies[name] = value }
        if let baseURL = source.baseURL { prepared.target.baseURL = baseURL }
        if !prepared.target.usesEmbeddedMock, TokenOrigin(baseURL: prepared.target.baseURL) == nil {
            throw .usage("base URL '\(prepared.target.baseURL)' is not an absolute http(s) URL with a host (e.g. https://graph.microsoft.com/beta)")
        }
        var run = PreparedRun(prepared: prepared, tokens: [:], tokenFailures: [:])
        run.mintTokens(with: minter, forceMint: source.forceMint || prepared.target.usesEmbeddedMock)
        for failure in run.tokenFailures.sorted(by: { $0.key < $1.key }) {
            diagnostics("warning: cannot get a token for principal '\(failure.key)': \(failure.value); its cases will be skipped")
        }
        return run
    }

    /// The mock configuration that matches the target's policies.
    public func mockConfiguration(defect: MockDefect? = nil) -> MockConfiguration {
        var configuration = MockConfiguration()
        if let value = prepared.target.policies["complexPatch"]?.stringValue,
            let mode = MockConfiguration.ComplexPatch(rawValue: value)
        {
            configuration.complexPatch = mode
        }
        configuration.defect = defect
        return configuration
    }

    /// Runs the planned cases against `settings.baseURL` and assembles the report (`reportedBaseURL`
    /// names the target in the report, e.g. "replay of FILE").
    public func execute(_ planned: [PlannedCase], reportedBaseURL: String? = nil, settings: RunSettings, console: ConsoleReporter?,
                        recorder: ExchangeRecorder? = nil, replay: ReplayLog? = nil, signals: StopSignals = StopSignals()) async -> RunReport {
        let startedAt = Date()
        let run = ConformanceRun(
            planned: planned, target: prepared.target, tokens: tokens, tokenFailures: tokenFailures,
            shapes: prepared.shapes, settings: settings, minter: minter, recorder: recorder, replay: replay,
            stopRequested: signals.stopRequested, hardStopRequested: signals.hardStopRequested
        )
        let results = await run.results { index, total, report in console?.caseFinished(index: index, total: total, report) }
        var properties = [
            ReportProperty(name: "target.name", value: prepared.target.name),
            ReportProperty(name: "target.baseURL", value: reportedBaseURL ?? settings.baseURL),
            ReportProperty.httpVersion(responsesPerVersion: run.httpVersions),
            ReportProperty(name: "suite.version", value: GraphConformanceVersion.current),
            ReportProperty(name: "run.id", value: settings.runID),
            ReportProperty(name: "tls.verify", value: settings.transfer.insecure ? "off (--insecure)" : "on"),
            ReportProperty(name: "shapes.extraProperties", value: settings.shapePolicy.extraProperties == .allow ? "allow" : "warn"),
        ]
        properties += run.pace?.properties ?? []
        if let diagnosis = run.tokenDiagnosis { properties.append(ReportProperty(name: "run.diagnosis", value: diagnosis)) }
        if let seconds = settings.maxRunSeconds {
            properties.append(ReportProperty(name: "run.maxSeconds", value: String(Int(seconds.rounded(.up)))))
        }
        for (name, value) in prepared.target.policies.sorted(by: { $0.key < $1.key }) {
            properties.append(ReportProperty(name: "policy.\(name)", value: value.stringValue ?? value.rendered()))
        }
        return ReportAssembler.assemble(planned: planned, results: results, runID: settings.runID, startedAt: startedAt,
                                        properties: properties, interrupted: signals.stopRequested())
    }

    public static func newRunID() -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        return "gc-\(stamp)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// How a run learns that the user asked it to stop (the CLI wires these to SIGINT/SIGTERM).
public struct StopSignals: Sendable {
    public var stopRequested: @Sendable () -> Bool
    /// A second interruption: abort even teardown requests.
    public var hardStopRequested: @Sendable () -> Bool

    public init(stopRequested: @escaping @Sendable () -> Bool = { false }, hardStopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.stopRequested = stopRequested
        self.hardStopRequested = hardStopRequested
    }
}
