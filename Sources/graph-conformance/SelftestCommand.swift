import ArgumentParser
import Foundation
import GraphMock
import Runner

/// `graph-conformance selftest`: the catalogue against the clean mock (everything must pass) and
/// against each built-in defect (each must be caught), with the kill matrix as evidence.
struct SelftestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Prove the catalogue: pass on the clean mock, catch every built-in defect."
    )

    @OptionGroup var suite: SuiteOptions

    @Option(name: .long, help: "Concurrent workers per run.")
    var jobs: Int = 4

    @Option(name: .long, help: "Defect runs at once (each with its own mock); runs mostly wait on timers, not CPU.")
    var parallel: Int = 4

    @Option(name: .long, help: "Only these defects (repeatable; default all).")
    var defect: [String] = []

    @Option(name: .long, help: "Where to write the full defect × case matrix (Markdown).")
    var matrix: String = "reports/selftest.md"

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if parallel < 1 { throw ValidationError("--parallel must be at least 1, got \(parallel)") }
    }

    @Flag(name: .long, help: "Prove explore instead of the catalogue: no disagreement on the clean mock and its variants, every reachable defect found, each written case failing on it.")
    var explore = false

    @Option(name: .customLong("explore-budget"), help: "With --explore: steps per exploration.")
    var exploreBudget: Int = 2000

    func run() async throws {
        Interruption.shared.install()
        if explore {
            let defects = try defect.isEmpty ? MockDefect.allCases : defect.map { name in
                guard let parsed = MockDefect(rawValue: name) else { throw ValidationError("unknown defect '\(name)'") }
                return parsed
            }
            let selftest = SelftestExplore(suite: suite, budget: exploreBudget, seed: 1, jobs: jobs, defects: defects,
                                           matrixPath: "reports/selftest-explore.md")
            if try await !selftest.run() { throw ConformanceError.verdict(.contractFailures) }
            return
        }
        let prepared = try PreparedRun.prepare(try suite.source(forceMint: true), diagnostics: FileHandle.printError)
        try ReportOutput.checkWritable(matrix, what: "the selftest matrix")
        var selftest = Selftest(run: prepared)
        selftest.defects = try defect.isEmpty ? MockDefect.allCases.filter { !$0.needsExploration } : defect.map { name in
            guard let parsed = MockDefect(rawValue: name) else { throw ValidationError("unknown defect '\(name)'") }
            return parsed
        }
        selftest.jobs = jobs
        selftest.parallel = parallel
        selftest.signals = Interruption.shared.signals
        let outcome = await selftest.perform()
        for (label, report) in outcome.faithful { print("\(label): " + Selftest.counts(report)) }
        print(outcome.matrix.renderText())
        try Selftest.writeMatrix(outcome.matrix, to: matrix)
        print(outcome.matrix.verdictLine)
        if !outcome.matrix.passed { throw ConformanceError.verdict(.contractFailures) }
    }
}
