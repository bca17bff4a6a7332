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
        var results: [(name: String, summary: String, report: RunReport)] = []
        for item in defects {
            if Interruption.shared.isRequested { break }
            let report = await run(driver, defect: item)
            results.append((item.rawValue, item.summary, report))
        }
        let killMatrix = KillMatrix(clean: clean, defects: results)
        print(killMatrix.renderText())
        try? ReportFile.writeAtomically(killMatrix.renderMarkdown(), to: matrix)
        print(killMatrix.verdictLine)
        if !killMatrix.passed { throw ToolExit(.contractFailures) }
    }

    private func run(_ driver: RunDriver, defect: MockDefect?) async -> RunReport {
        do {
            let server = try await GraphMockServer.start(configuration: driver.mockConfiguration(defect: defect))
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
