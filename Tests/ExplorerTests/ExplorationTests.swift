import CaseModel
import Explorer
import Foundation
import GraphMock
import JSONShape
import Reporting
import Runner
import Testing

/// Explore against the real mock over loopback and libcurl.
@Suite("Exploration", .serialized)
struct ExplorationTests {
    @Test func cleanMockShowsNoDisagreement() async throws {
        let (result, _) = try await Fixture.explore(budget: 400)
        #expect(result.steps >= 400)
        #expect(result.disagreeingSequences == 0, "\(result.findings.map(\.disagreement.summary))")
    }

    @Test func conformingVariantsShowNoDisagreement() async throws {
        let variants: Set<MockVariant> = [.shuffledMembers, .extraProperties, .timestampsMillis, .opaqueIDs, .serverPaging, .readOnlyRejected]
        let (result, _) = try await Fixture.explore(budget: 400, variants: variants)
        #expect(result.disagreeingSequences == 0, "\(result.findings.map(\.disagreement.summary))")
    }

    /// A defect only some values show: found, shrunk to a few steps, written as a case that
    /// lint accepts.
    @Test func findsAndShrinksAValueClassBreach() async throws {
        let (result, target) = try await Fixture.explore(budget: 1500, defect: .preEpochDatesShifted)
        let finding = try #require(result.findings.first)
        #expect(finding.minimal.stepCount <= 4)
        #expect(finding.minimal.stepCount <= finding.original.stepCount)
        #expect(finding.disagreement.mismatches.contains { $0.pointer?.hasSuffix("MonthYear") == true })
        let text = CaseWriter(target: target, seed: 1, budget: 1500).render(finding, number: 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("explorer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("found.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let sink = DiagnosticSink()
        let suite = SuiteLoader.load(casesDirectory: Fixture.casesDirectory, casePaths: [path], sink: sink)
        #expect(suite != nil && !sink.hasErrors, "\(sink.sorted)\n\(text)")
    }

    @Test func findsALostUpdateOnlyUnderConcurrency() async throws {
        let (serial, _) = try await Fixture.explore(budget: 300, jobs: 1, defect: .concurrentPatchLostUpdate)
        #expect(serial.disagreeingSequences == 0)
        let (concurrent, _) = try await Fixture.explore(budget: 1500, jobs: 2, defect: .concurrentPatchLostUpdate)
        let finding = try #require(concurrent.findings.first)
        #expect(finding.minimal.ops.contains { if case .concurrent = $0 { true } else { false } })
    }
}
