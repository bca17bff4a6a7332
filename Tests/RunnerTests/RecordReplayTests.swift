import CaseModel
import Foundation
import GraphMock
import JSONShape
import Reporting
@testable import Runner
import Testing

/// `--record` then `--replay`: the same verdicts offline, tokens never in the recording, and a
/// changed recording (or contract) changes the verdict.
@Suite(.serialized) struct RecordReplayTests {
    @Test func replayOfARecordingGivesTheSameVerdicts() async throws {
        let (target, shapes, planned) = try ConstructTests.loadSuite()
        let tokens = TokenProvider(forceMint: true).tokens(for: target).tokens
        let server = try await GraphMockServer.start(configuration: MockConfiguration())
        let recorder = ExchangeRecorder(secrets: Array(tokens.values))
        var settings = RunSettings(baseURL: server.baseURL, runID: "record-test")
        settings.jobs = 2
        let recorded = await ConformanceRun(planned: planned, target: target, tokens: tokens, shapes: shapes,
                                            settings: settings, recorder: recorder).results()
        try await server.shutdown()

        let har = recorder.har()
        for token in tokens.values {
            #expect(!har.contains(token), "a bearer token leaked into the recording")
            #expect(!har.contains(String(token.split(separator: ".")[1])), "a token's payload leaked into the recording")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gc-\(UUID().uuidString).har")
        try har.write(to: file, atomically: true, encoding: .utf8)

        // Nothing listens at this address: a replay must not send anything.
        var offline = RunSettings(baseURL: "http://127.0.0.1:9/beta", runID: "replay-test")
        offline.jobs = 2
        let replayed = await ConformanceRun(planned: planned, target: target, tokens: tokens, shapes: shapes,
                                            settings: offline, replay: try ReplayLog(path: file.path)).results()
        #expect(recorded.map(\.name) == replayed.map(\.name))
        for (before, after) in zip(recorded, replayed) {
            #expect(before.outcome.kind == after.outcome.kind, "\(before.name): recorded \(before.outcome.text) / replayed \(after.outcome.text)")
        }
        #expect(recorded.contains { $0.outcome.kind == "failed" } && recorded.contains { $0.outcome.kind == "passed" })

        // The same recording with one answer changed: the case that reads it now fails.
        let tampered = har.replacingOccurrences(of: #"\"city\":\"Oslo\""#, with: #"\"city\":\"Bergen\""#)
        #expect(tampered != har)
        try tampered.write(to: file, atomically: true, encoding: .utf8)
        let again = await ConformanceRun(planned: planned, target: target, tokens: tokens, shapes: shapes,
                                         settings: offline, replay: try ReplayLog(path: file.path)).results()
        let shapeCase = try #require(again.first { $0.name == "pass shape json at present absent null" })
        #expect(shapeCase.outcome.kind == "failed", "\(shapeCase.outcome.text)")
    }

    @Test func aFileThatIsNotOurRecordingIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gc-\(UUID().uuidString).har")
        try #"{"log":{"version":"1.2","entries":[{"request":{},"response":{"status":200}}]}}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ReplayLog.LoadError.self) { try ReplayLog(path: file.path) }
        try "not json".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ReplayLog.LoadError.self) { try ReplayLog(path: file.path) }
    }
}
