import CaseModel
import Foundation
import JSONShape
import Reporting
@testable import Runner
import TestSupport
import Testing

/// A server that answers a shape check with 4 MiB of bytes that are neither UTF-8 nor JSON: the
/// case fails with a short, readable reason, and nothing in the report grows with the body.
@Suite struct BinaryBodyTests {
    static let fourMiB: [UInt8] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<(4 << 20)).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state) | 0x80  // never ASCII, so never valid UTF-8 text
        }
    }()

    @Test(arguments: ["application/octet-stream", "application/json"])
    func binaryBodyFailsWithABoundedReport(contentType: String) async throws {
        let server = try ScriptedServer(.respond(status: 200, headers: [("Content-Type", contentType)], body: Self.fourMiB))
        defer { server.stop() }
        let (target, shapes, _) = try ConstructTests.loadSuite()
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: """
            suite: binary
            cases:
              - name: get a binary body
                steps:
                  - method: GET
                    path: /me/profile/positions/x
                    expect: {status: 200, shape: microsoft.graph.workPosition}
            """, path: "inline/binary.yaml", context: SuiteLoader.lintContext(target: target, shapes: shapes), sink: sink))
        let planned = PlannedCase.plan([file], enumMembers: shapes.enumMembers)
        let tokens = TokenProvider(forceMint: true).tokens(for: target).tokens
        let results = await ConformanceRun(planned: planned, target: target, tokens: tokens, shapes: shapes,
                                           settings: RunSettings(baseURL: server.baseURL + "/beta", runID: "t")).results()
        let report = try #require(results.first)
        guard case .failed(let problem) = report.outcome else {
            Issue.record("wanted a contract failure, got \(report.outcome)")
            return
        }
        let mismatch = try #require(problem.mismatches.first)
        #expect(mismatch.actual.contains("not JSON"), "\(mismatch.actual)")
        #expect(mismatch.actual.contains("at byte 0"), "the reason points at the first bad byte: \(mismatch.actual)")
        // Bounded whatever the body's size: the reason is a line, the transcript keeps 8 KiB of
        // body (at most 3 bytes of U+FFFD per byte it could not decode) plus headers.
        #expect(mismatch.actual.utf8.count < 300, "\(mismatch.actual.prefix(400))")
        #expect(problem.detail.utf8.count < 2_000, "\(problem.detail.prefix(2_000))")
        let transcript = try #require(report.transcript)
        #expect(transcript.utf8.count < 3 * 8 * 1024 + 4_096, "transcript of \(transcript.utf8.count) bytes")
        #expect(transcript.contains("more bytes]"), "the transcript says the body was cut")
    }
}
