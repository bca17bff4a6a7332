import ArgumentParser
import CurlClient
import Explorer
import Foundation
import GraphMock
import Reporting
import Runner

/// `graph-conformance explore`: model-based exploration. Generates sequences of calls from the
/// contract, predicts every answer with a model of the documented semantics, shrinks each
/// disagreement to a minimal sequence and writes it as a case file.
struct ExploreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Generate call sequences from the contract, compare the target with a model of the docs, write minimal failing cases."
    )

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var transport: TransportOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Steps (API calls of the generated sequences) to run.")
    var budget: Int = 2000

    @Option(name: .long, help: "Seed of the generator; the same seed and budget give the same sequences (default: from the clock, printed).")
    var seed: UInt64?

    @Option(name: .long, help: "Folder for the minimal failing sequences, written as case files.")
    var out: String = "reports/found"

    @Option(name: .customLong("max-findings"), help: "Distinct disagreements to shrink and write out.")
    var maxFindings: Int = 5

    @Option(name: .customLong("shrink-runs"), help: "Re-runs the shrinker may spend on one disagreement (0 keeps the sequence as found).")
    var shrinkRuns: Int = 400

    @Option(name: .customLong("base-url"), help: "Base URL of a Graph-compatible server (overrides the target's).")
    var baseURL: String?

    @Flag(name: .customLong("mint-tokens"), help: "Mint unsigned test JWTs for every principal.")
    var mintTokens = false

    @Option(name: .customLong("mock-defect"), help: "With the embedded mock: give it this built-in defect.")
    var mockDefect: String?

    @Option(name: .customLong("mock-variant"), help: "With the embedded mock: a conforming variant (repeatable).")
    var mockVariants: [String] = []

    func run() async throws {
        guard budget > 0 else { throw ValidationError("--budget must be positive") }
        let setup = try ExploreSetup.load(suite, baseURL: baseURL, mintTokens: mintTokens)
        let defect = try mockDefect.map { name in
            guard let parsed = MockDefect(rawValue: name) else { throw ValidationError("unknown defect '\(name)'; see `graph-conformance serve --list-defects`") }
            return parsed
        }
        let variants = try Set(mockVariants.map { name in
            guard let parsed = MockVariant(rawValue: name) else { throw ValidationError("unknown variant '\(name)'") }
            return parsed
        })
        Interruption.shared.install()
        var settings = Exploration.Settings()
        settings.budget = budget
        settings.seed = seed ?? UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
        settings.jobs = max(1, transport.jobs ?? settings.jobs)
        settings.maxFindings = max(0, maxFindings)
        settings.shrinkRuns = max(0, shrinkRuns)
        settings.transfer.connectTimeout = transport.connectTimeout
        settings.transfer.totalTimeout = transport.timeout
        settings.transfer.insecure = transport.insecure
        settings.transfer.caCertPath = transport.cacert
        settings.stopRequested = { Interruption.shared.isRequested }
        let startedAt = Date()
        let (result, target): (Exploration.Result, ExploreTarget)
        do {
            (result, target) = try await setup.explore(settings, defect: defect, variants: variants)
        } catch let error as ExploreError {
            throw ConformanceError.usage("\(error)")
        } catch {
            throw ConformanceError.runtime("cannot start the embedded mock: \(error)")
        }
        let files = try writeCases(result, target: target, settings: settings)
        let properties = [ReportProperty(name: "target.name", value: target.name),
                          ReportProperty(name: "target.baseURL", value: target.baseURL),
                          ReportProperty(name: "suite.version", value: GraphConformanceVersion.current),
                          ReportProperty(name: "tls.verify", value: transport.insecure ? "off (--insecure)" : "on")]
        let report = ExplorationReport(result: result, target: target, settings: settings, caseFiles: files)
            .build(runID: PreparedRun.newRunID(), startedAt: startedAt, properties: properties)
        let console = ConsoleReporter(verbosity: output.quiet ? .quiet : output.verbose ? .verbose : .normal)
        if !output.quiet {
            print("explore: seed \(settings.seed), budget \(settings.budget), target \(target.name) (\(target.baseURL))")
            for (index, item) in report.suites[0].cases.enumerated() { console.caseFinished(index: index, total: report.suites[0].cases.count, item) }
        }
        let prepared = try output.reportOutput.write(report, secrets: Array(setup.tokens.values))
        console.summary(prepared, junitPath: output.junit, jsonPath: output.json)
        let status = ExitStatus.of(report)
        if status != .passed { throw ConformanceError.verdict(status) }
    }

    /// One case file per finding in `--out`; a file that cannot be written is a could-not-run error.
    private func writeCases(_ result: Exploration.Result, target: ExploreTarget, settings: Exploration.Settings) throws -> [String?] {
        let writer = CaseWriter(target: target, seed: settings.seed, budget: settings.budget)
        var files: [String?] = []
        for (index, finding) in result.findings.enumerated() {
            let path = (out.hasSuffix("/") ? out : out + "/") + writer.fileName(finding, number: index + 1)
            do {
                try ReportFile.writeAtomically(writer.render(finding, number: index + 1), to: path)
                files.append(path)
            } catch {
                throw ConformanceError.runtime("cannot write \(path): \(error)")
            }
        }
        return files
    }
}
