import CaseModel
import CurlClient
import Explorer
import Foundation
import GraphMock
import JSONShape
import Runner

/// What `explore` and `selftest --explore` load: the target file and the contract (no case files),
/// tokens for the principals, and the embedded mock when the target asks for it.
struct ExploreSetup {
    var target: TargetFile
    var contract: ContractModel
    var tokens: [String: String]

    static func load(_ suite: SuiteOptions, baseURL: String?, mintTokens: Bool) throws -> ExploreSetup {
        let sink = DiagnosticSink()
        let directory = suite.cases.hasSuffix("/") ? String(suite.cases.dropLast()) : suite.cases
        let targetPath = suite.target ?? directory + "/targets/embedded.yaml"
        let loaded = ContractLoader.read(targetPath, sink: sink).flatMap { TargetFileDecoder.load(text: $0, path: targetPath, sink: sink) }
        let shapes = ContractLoader.load(directory: directory + "/contract", sink: sink)
        for diagnostic in sink.sorted { FileHandle.printError(diagnostic.description) }
        guard var target = loaded, !sink.hasErrors else {
            throw ConformanceError.invalidSuite(errorCount: sink.diagnostics.filter { $0.severity == .error }.count)
        }
        for (name, value) in try suite.policyOverrides() { target.policies[name] = value }
        if let baseURL { target.baseURL = baseURL }
        let contract: ContractModel
        do {
            contract = try ContractModel(shapes: shapes)
        } catch {
            throw ConformanceError.usage("\(error)")
        }
        let (tokens, failures) = TokenProvider(forceMint: mintTokens || target.usesEmbeddedMock).tokens(for: target)
        for failure in failures { FileHandle.printError("warning: \(failure); explore leaves that principal out") }
        return ExploreSetup(target: target, contract: contract, tokens: tokens)
    }

    /// The mock configuration matching the target's `complexPatch` policy.
    func mockConfiguration(defect: MockDefect?, variants: Set<MockVariant>) -> MockConfiguration {
        var configuration = MockConfiguration()
        if let value = target.policies["complexPatch"]?.stringValue, let mode = MockConfiguration.ComplexPatch(rawValue: value) {
            configuration.complexPatch = mode
        }
        configuration.defect = defect
        configuration.variants = variants
        return configuration
    }

    /// One exploration; starts (and stops) the embedded mock when the target names it.
    func explore(_ settings: Exploration.Settings, defect: MockDefect? = nil, variants: Set<MockVariant> = []) async throws
        -> (result: Exploration.Result, target: ExploreTarget)
    {
        var mock: GraphMockServer?
        var baseURL = target.baseURL
        if target.usesEmbeddedMock {
            let server = try await GraphMockServer.start(configuration: mockConfiguration(defect: defect, variants: variants))
            mock = server
            baseURL = server.baseURL
        }
        let exploreTarget = ExploreTarget(target: target, baseURL: baseURL, tokens: tokens)
        let exploration = try Exploration(contract: contract, target: exploreTarget, settings: settings)
        let result = await exploration.run()
        try? await mock?.shutdown()
        return (result, exploreTarget)
    }
}
