import CaseModel
import CurlClient
import Foundation
import GraphMock
import JSONShape
import Reporting

/// The catalogue against the clean mock (everything must pass) and against each built-in defect
/// (each must be caught), with the kill matrix as evidence. Hostile transport modes
/// (`MockHostility`) are not defects and are never part of it.
public struct Selftest: Sendable {
    public var run: PreparedRun
    public var defects: [MockDefect] = MockDefect.allCases
    /// Workers per catalogue run.
    public var jobs = 4
    /// Catalogue runs at once (each with its own mock); they mostly wait on timers, not CPU.
    public var parallel = 4
    public var signals = StopSignals()

    public init(run: PreparedRun) { self.run = run }

    /// One catalogue run against a freshly started mock.
    public struct Configuration: Sendable {
        public var label: String
        public var defect: MockDefect? = nil
        public var throttleEvery: Int? = nil
        public var variants: Set<MockVariant> = []
        public var complexPatch: String? = nil
        /// Signed tokens and a mock that verifies them (README, "Servers that verify tokens").
        public var signed = false
    }

    public struct Outcome: Sendable {
        /// Label and report of every faithful run (clean, throttled, variants…), in order.
        public var faithful: [(label: String, report: RunReport)]
        public var matrix: KillMatrix
    }

    /// Faithful runs (clean, throttled — allowed by reference §4.3 — and every conforming
    /// variant) must show no failure; each defect run must show at least one.
    public var faithfulRuns: [Configuration] {
        var runs = [Configuration(label: "clean mock"), Configuration(label: "clean mock, throttled (every 7th request 429)", throttleEvery: 7)]
        runs += MockVariant.allCases.map { Configuration(label: "clean mock, variant \($0.rawValue)", variants: [$0]) }
        runs.append(Configuration(label: "clean mock, every variant at once", variants: Set(MockVariant.allCases)))
        // The other documented answer to reference §8.1: a server that replaces nested complex
        // values, checked under the policy that says so.
        runs.append(Configuration(label: "clean mock replacing nested values, policy complexPatch=replace", complexPatch: "replace"))
        // Signed end to end: a verifying mock that trusts one fresh key.
        runs.append(Configuration(label: "clean mock verifying signed tokens", signed: true))
        return runs
    }

    public func perform() async -> Outcome {
        let faithful = faithfulRuns
        // The signature defect shows only where signatures are verified, so it runs signed.
        let runs = faithful + defects.map { Configuration(label: "defect \($0.rawValue)", defect: $0, signed: $0 == .skipsSignatureCheck) }
        let reports = await runAll(runs)
        let conforming = Array(reports.prefix(faithful.count))
        let results = zip(defects, reports.dropFirst(faithful.count)).map { (name: $0.rawValue, summary: $0.summary, report: $1) }
        return Outcome(faithful: zip(faithful.map(\.label), conforming).map { ($0, $1) },
                       matrix: KillMatrix(clean: conforming, defects: results))
    }

    /// Writes the full defect × case matrix (Markdown); failing to is an error, not a shrug.
    public static func writeMatrix(_ matrix: KillMatrix, to path: String) throws(ConformanceError) {
        do {
            try ReportFile.writeAtomically(matrix.renderMarkdown(), to: path)
        } catch {
            throw .runtime("cannot write the selftest matrix to \(path): \(error)")
        }
    }

    /// Every run, at most `parallel` at a time, results in input order.
    private func runAll(_ runs: [Configuration]) async -> [RunReport] {
        var reports = [RunReport?](repeating: nil, count: runs.count)
        await withTaskGroup(of: (Int, RunReport).self) { group in
            var pending = runs.indices.makeIterator()
            for _ in 0..<max(1, parallel) {
                guard let index = pending.next() else { break }
                group.addTask { (index, await one(runs[index])) }
            }
            for await (index, report) in group {
                reports[index] = report
                if !signals.stopRequested(), let next = pending.next() {
                    group.addTask { (next, await one(runs[next])) }
                }
            }
        }
        return reports.map { $0 ?? Self.emptyReport(interrupted: true) }
    }

    private func one(_ spec: Configuration) async -> RunReport {
        var run = run
        if let complexPatch = spec.complexPatch { run.prepared.target.policies["complexPatch"] = .string(complexPatch) }
        var verification: TokenVerification?
        if spec.signed {
            do {
                (run, verification) = try run.signedWithFreshKey()
            } catch {
                FileHandle.standardError.write(Data("selftest: cannot make a signing key: \(error)\n".utf8))
                return Self.emptyReport(interrupted: false)
            }
        }
        var configuration = run.mockConfiguration(defect: spec.defect)
        configuration.tokenVerification = verification
        configuration.variants = spec.variants
        configuration.throttleEvery = spec.throttleEvery ?? configuration.throttleEvery
        let server: GraphMockServer
        do {
            server = try await GraphMockServer.start(configuration: configuration)
        } catch {
            FileHandle.standardError.write(Data("selftest: cannot start the mock\(spec.defect.map { " with \($0.rawValue)" } ?? ""): \(error)\n".utf8))
            return Self.emptyReport(interrupted: false)
        }
        var settings = RunSettings(baseURL: server.baseURL, runID: PreparedRun.newRunID())
        settings.jobs = jobs
        settings.transfer.totalTimeout = 10
        let report = await run.execute(run.prepared.planned, settings: settings, console: nil, signals: signals)
        try? await server.shutdown()
        return report
    }

    private static func emptyReport(interrupted: Bool) -> RunReport {
        RunReport(name: "graph-conformance", runID: "", startedAt: Date(), hostname: "localhost", properties: [], suites: [], interrupted: interrupted)
    }

    /// `N passed, N failed, N errors, N skipped` for one run.
    public static func counts(_ report: RunReport) -> String {
        var passed = 0, failed = 0, errors = 0, skipped = 0
        for item in report.suites.flatMap(\.cases) {
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
