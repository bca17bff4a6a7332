import ArgumentParser
import CaseModel
import CurlClient
import Foundation
import GraphMock
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

    func run() async throws {
        let driver = try RunDriver.prepare(suite, baseURL: nil, forceMint: true)
        let defects = try defect.isEmpty ? MockDefect.allCases : defect.map { name in
            guard let parsed = MockDefect(rawValue: name) else { throw ValidationError("unknown defect '\(name)'") }
            return parsed
        }
        Interruption.shared.install()
        let clean = await run(driver, defect: nil)
        print("clean mock: " + Self.counts(clean))
        // Throttling is allowed behaviour (reference §4.3): with every 7th request answered 429 +
        // Retry-After, the catalogue must still pass, through the runner's retries.
        let throttled = await run(driver, defect: nil, throttleEvery: 7)
        print("clean mock, throttled (every 7th request 429): " + Self.counts(throttled))
        var reports: [MockDefect: RunReport] = [:]
        await withTaskGroup(of: (MockDefect, RunReport).self) { group in
            var pending = defects.makeIterator()
            for _ in 0..<max(1, parallel) {
                guard let item = pending.next() else { break }
                group.addTask { (item, await run(driver, defect: item)) }
            }
            for await (item, report) in group {
                reports[item] = report
                if !Interruption.shared.isRequested, let next = pending.next() {
                    group.addTask { (next, await run(driver, defect: next)) }
                }
            }
        }
        let results = defects.compactMap { item in reports[item].map { (name: item.rawValue, summary: item.summary, report: $0) } }
        let killMatrix = KillMatrix(clean: [clean, throttled], defects: results)
        print(killMatrix.renderText())
        try? ReportFile.writeAtomically(killMatrix.renderMarkdown(), to: matrix)
        print(killMatrix.verdictLine)
        if !killMatrix.passed { throw ToolExit(.contractFailures) }
    }

    private func run(_ driver: RunDriver, defect: MockDefect?, throttleEvery: Int? = nil) async -> RunReport {
        do {
            var configuration = driver.mockConfiguration(defect: defect)
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
