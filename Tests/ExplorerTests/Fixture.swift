import CaseModel
import CurlClient
import Explorer
import Foundation
import GraphMock
import JSONShape
import Runner
import TestSupport

/// The shipped contract and embedded target, loaded as `explore` loads them.
enum Fixture {
    static let casesDirectory = BuiltProduct.repoRoot.appendingPathComponent("cases").path

    static func loaded() throws -> (contract: ContractModel, target: TargetFile, tokens: [String: String]) {
        let sink = DiagnosticSink()
        let path = casesDirectory + "/targets/embedded.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let target = TargetFileDecoder.load(text: text, path: path, sink: sink) else { throw ExploreError("target: \(sink.sorted)") }
        let shapes = ContractLoader.load(directory: casesDirectory + "/contract", sink: sink)
        let contract = try ContractModel(shapes: shapes)
        let tokens = TokenProvider(forceMint: true).tokens(for: target).tokens
        return (contract, target, tokens)
    }

    /// An exploration of a fresh mock on an ephemeral loopback port; the mock is always shut down.
    static func explore(budget: Int, seed: UInt64 = 1, jobs: Int = 2, defect: MockDefect? = nil, variants: Set<MockVariant> = [])
        async throws -> (result: Exploration.Result, target: ExploreTarget)
    {
        let (contract, file, tokens) = try loaded()
        var configuration = MockConfiguration()
        configuration.defect = defect
        configuration.variants = variants
        let server = try await GraphMockServer.start(configuration: configuration)
        let target = ExploreTarget(target: file, baseURL: server.baseURL, tokens: tokens)
        var settings = Exploration.Settings()
        settings.budget = budget
        settings.seed = seed
        settings.jobs = jobs
        settings.maxFindings = 1
        settings.transfer.totalTimeout = 20
        let result = await (try Exploration(contract: contract, target: target, settings: settings)).run()
        try? await server.shutdown()
        return (result, target)
    }
}
