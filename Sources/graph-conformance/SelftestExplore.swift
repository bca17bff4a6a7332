import CaseModel
import CurlClient
import Explorer
import Foundation
import GraphMock
import JSONShape
import Reporting
import Runner

/// `selftest --explore`: explore alone, without the catalogue. No disagreement on the clean mock,
/// under every conforming variant and under the replace policy; every defect a sequence of calls
/// can reveal found within its stated budget; each written case fails on its defect and passes on
/// the clean mock (when it replays serially).
struct SelftestExplore {
    var suite: SuiteOptions
    var budget: Int
    var seed: UInt64
    var jobs: Int
    var defects: [MockDefect]
    var matrixPath: String

    func run() async throws -> Bool {
        let setup = try ExploreSetup.load(suite, baseURL: nil, mintTokens: true)
        var lines = ["# selftest --explore", "", "seed \(seed), budget \(budget) steps, jobs \(jobs)", "",
                     "| run | steps | steps/s | disagreements | verdict |", "|---|---|---|---|---|"]
        var passed = true
        var faithful: [(String, Set<MockVariant>, String?)] = [("clean mock", [], nil)]
        faithful += MockVariant.allCases.map { ("variant \($0.rawValue)", [$0], nil) }
        faithful.append(("every variant at once", Set(MockVariant.allCases), nil))
        faithful.append(("clean mock replacing nested values, policy complexPatch=replace", [], "replace"))
        for (label, variants, complexPatch) in faithful where !Interruption.shared.isRequested {
            var local = setup
            if let complexPatch { local.target.policies["complexPatch"] = .string(complexPatch) }
            // Throttling answers every 7th request after a 1 s Retry-After: more workers keep it short.
            let throttled = variants.contains(.throttle)
            let (result, _) = try await local.explore(settings(jobs: throttled ? max(jobs, 16) : jobs, budget: budget), variants: variants)
            let ok = result.findings.isEmpty && result.disagreeingSequences == 0
            passed = passed && ok
            let verdict = ok ? "ok" : "FALSE ALARM: " + (result.findings.first.map { $0.disagreement.summary } ?? "")
            print("explore, \(label): \(result.steps) steps, \(result.disagreeingSequences) disagreement(s) — \(verdict)")
            lines.append("| \(label) | \(result.steps) | \(Int(result.stepsPerSecond)) | \(result.disagreeingSequences) | \(verdict) |")
        }
        lines += ["", "| defect | stated budget | found after | written case on defect / on clean mock | verdict |", "|---|---|---|---|---|"]
        var found = 0, reachable = 0
        for defect in defects where !Interruption.shared.isRequested {
            let stated: Int, replays: Bool
            switch ExploreReach.of(defect) {
            case .finds(let budget): (stated, replays) = (budget, true)
            case .findsWithoutReplay(let budget, _): (stated, replays) = (budget, false)
            case .outOfReach(let reason):
                lines.append("| \(defect.rawValue) | — | — | — | out of reach: \(reason) |")
                continue
            }
            reachable += 1
            let row = try await check(defect, stated: stated, replays: replays, setup: setup)
            if row.ok { found += 1 }
            passed = passed && row.ok
            print("explore, defect \(defect.rawValue): \(row.text)")
            lines.append("| \(defect.rawValue) | \(stated) | \(row.foundAfter) | \(row.caseCheck) | \(row.ok ? "ok" : "MISSED") |")
        }
        let verdict = "selftest --explore: found \(found)/\(reachable) reachable defects, " + (passed ? "0 false alarms" : "see above")
        lines += ["", verdict]
        try? ReportFile.writeAtomically(lines.joined(separator: "\n") + "\n", to: matrixPath)
        print(verdict)
        return passed
    }

    private func settings(jobs: Int, budget: Int) -> Exploration.Settings {
        var settings = Exploration.Settings()
        settings.budget = budget
        settings.seed = seed
        settings.jobs = jobs
        settings.maxFindings = 1
        settings.transfer.totalTimeout = 10
        settings.stopRequested = { Interruption.shared.isRequested }
        return settings
    }

    private struct Row {
        var ok: Bool
        var foundAfter: String
        var caseCheck: String
        var text: String
    }

    private func check(_ defect: MockDefect, stated: Int, replays: Bool, setup: ExploreSetup) async throws -> Row {
        let (result, target) = try await setup.explore(settings(jobs: jobs, budget: stated), defect: defect)
        guard let finding = result.findings.first else {
            return Row(ok: false, foundAfter: "not within \(stated)", caseCheck: "—", text: "not found within \(stated) steps")
        }
        let writer = CaseWriter(target: target, seed: seed, budget: budget)
        let directory = NSTemporaryDirectory() + "gc-selftest-explore-\(getpid())/\(defect.rawValue)"
        let path = directory + "/" + writer.fileName(finding, number: 1)
        try ReportFile.writeAtomically(writer.render(finding, number: 1), to: path)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let concurrent = !replays || finding.minimal.ops.contains { if case .concurrent = $0 { true } else { false } }
        let onDefect = await replay(path, defect: defect)
        let onClean = await replay(path, defect: nil)
        let caseText = "\(onDefect) / \(onClean)"
        let caseOK = concurrent ? onClean == "passes" : (onDefect == "fails" && onClean == "passes")
        let note = concurrent ? " (not replayable serially: \(replays ? "its minimal sequence needs concurrency" : "see the reach table"))" : ""
        return Row(ok: caseOK, foundAfter: "\(finding.minimal.stepCount)-step sequence", caseCheck: caseText + note,
                   text: "found (\(finding.disagreement.summary)), minimal \(finding.minimal.stepCount) steps; written case \(caseText)\(note)")
    }

    /// Runs one written case file against a fresh mock: "fails", "passes" or "error".
    private func replay(_ path: String, defect: MockDefect?) async -> String {
        guard let driver = try? PreparedRun.prepare(suite.source(casePaths: [path], forceMint: true), diagnostics: { _ in }),
            let server = try? await GraphMockServer.start(configuration: driver.mockConfiguration(defect: defect))
        else { return "error" }
        var settings = RunSettings(baseURL: server.baseURL, runID: PreparedRun.newRunID())
        settings.jobs = 1
        let report = await driver.execute(driver.prepared.planned, settings: settings, console: nil)
        try? await server.shutdown()
        switch ExitStatus.of(report) {
        case .passed: return "passes"
        case .contractFailures: return "fails"
        default: return "error"
        }
    }
}
