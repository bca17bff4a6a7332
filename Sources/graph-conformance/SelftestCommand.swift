import ArgumentParser
import CaseModel
import CurlClient
import Foundation
import GraphMock
import JSONShape
import Reporting
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

    @Flag(name: .long, help: "Prove explore instead of the catalogue: no disagreement on the clean mock and its variants, every reachable defect found, each written case failing on it.")
    var explore = false

    @Option(name: .customLong("explore-budget"), help: "With --explore: steps per exploration.")
    var exploreBudget: Int = 2000

    func run() async throws {
        if explore {
            Interruption.shared.install()
            let defects = try defect.isEmpty ? MockDefect.allCases : defect.map { name in
                guard let parsed = MockDefect(rawValue: name) else { throw ValidationError("unknown defect '\(name)'") }
                return parsed
            }
            let selftest = SelftestExplore(suite: suite, budget: exploreBudget, seed: 1, jobs: jobs, defects: defects,
                                           matrixPath: "reports/selftest-explore.md")
            if try await !selftest.run() { throw ToolExit(.contractFailures) }
            return
        }
        let driver = try RunDriver.prepare(suite, baseURL: nil, forceMint: true)
        let defects = try defect.isEmpty ? MockDefect.allCases.filter { !$0.needsExploration } : defect.map { name in
            guard let parsed = MockDefect(rawValue: name) else { throw ValidationError("unknown defect '\(name)'") }
            return parsed
        }
        Interruption.shared.install()
        // Faithful runs (clean, throttled — allowed by reference §4.3 — and every conforming
        // variant) must show no failure; each defect run must show at least one.
        var runs: [Run] = [Run(label: "clean mock"), Run(label: "clean mock, throttled (every 7th request 429)", throttleEvery: 7)]
        runs += MockVariant.allCases.map { Run(label: "clean mock, variant \($0.rawValue)", variants: [$0]) }
        runs.append(Run(label: "clean mock, every variant at once", variants: Set(MockVariant.allCases)))
        // The other documented answer to reference §8.1: a server that replaces nested complex
        // values, checked under the policy that says so.
        runs.append(Run(label: "clean mock replacing nested values, policy complexPatch=replace", complexPatch: "replace"))
        let faithfulCount = runs.count
        runs += defects.map { Run(label: "defect \($0.rawValue)", defect: $0) }
        let reports = await runAll(runs, driver: driver)
        for (item, report) in zip(runs.prefix(faithfulCount), reports) { print("\(item.label): " + Self.counts(report)) }
        let conforming = Array(reports.prefix(faithfulCount))
        let results = zip(defects, reports.dropFirst(faithfulCount)).map { (name: $0.rawValue, summary: $0.summary, report: $1) }
        let killMatrix = KillMatrix(clean: conforming, defects: results)
        print(killMatrix.renderText())
        try? ReportFile.writeAtomically(killMatrix.renderMarkdown(), to: matrix)
        print(killMatrix.verdictLine)
        if !killMatrix.passed { throw ToolExit(.contractFailures) }
    }

    /// One catalogue run against a freshly started mock.
    struct Run: Sendable {
        var label: String
        var defect: MockDefect? = nil
        var throttleEvery: Int? = nil
        var variants: Set<MockVariant> = []
        var complexPatch: String? = nil
    }

    /// Every run, at most `parallel` at a time (they mostly wait on timers), results in input order.
    private func runAll(_ runs: [Run], driver: RunDriver) async -> [RunReport] {
        var reports = [RunReport?](repeating: nil, count: runs.count)
        await withTaskGroup(of: (Int, RunReport).self) { group in
            var pending = runs.indices.makeIterator()
            for _ in 0..<max(1, parallel) {
                guard let index = pending.next() else { break }
                group.addTask { (index, await run(driver, runs[index])) }
            }
            for await (index, report) in group {
                reports[index] = report
                if !Interruption.shared.isRequested, let next = pending.next() {
                    group.addTask { (next, await run(driver, runs[next])) }
                }
            }
        }
        return reports.map { $0 ?? RunReport(name: "graph-conformance", runID: "", startedAt: Date(), hostname: "localhost", properties: [], suites: [], interrupted: true) }
    }

    private func run(_ driver: RunDriver, _ spec: Run) async -> RunReport {
        let defect = spec.defect, throttleEvery = spec.throttleEvery, variants = spec.variants
        var driver = driver
        if let complexPatch = spec.complexPatch { driver.prepared.target.policies["complexPatch"] = .string(complexPatch) }
        do {
            var configuration = driver.mockConfiguration(defect: defect)
            configuration.variants = variants
            configuration.throttleEvery = throttleEvery ?? configuration.throttleEvery
            let server = try await GraphMockServer.start(configuration: configuration)
            var settings = RunSettings(baseURL: server.baseURL, runID: RunDriver.newRunID())
            settings.jobs = jobs
            settings.transfer.totalTimeout = 10
            let report = await driver.execute(driver.prepared.planned, baseURL: server.baseURL, settings: settings, console: nil)
            try? await server.shutdown()
            return report
        } catch {
            FileHandle.printError("selftest: cannot start the mock\(defect.map { " with \($0.rawValue)" } ?? ""): \(error)")
            return RunReport(name: "graph-conformance", runID: "", startedAt: Date(), hostname: "localhost", properties: [], suites: [], interrupted: false)
        }
    }

    static func counts(_ report: RunReport) -> String {
        let cases = report.suites.flatMap(\.cases)
        var passed = 0, failed = 0, errors = 0, skipped = 0
        for item in cases {
            switch item.outcome {
            case .passed: passed += 1
            case .failed: failed += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
        return "\(passed) passed, \(failed) failed, \(errors) errors, \(skipped) skipped"
    }
}
