import CaseModel
import Foundation
import GraphMock
import JSONShape
import Reporting
@testable import Runner
import Testing

/// `listEntry` and step groups, run for real (embedded mock on an ephemeral port, libcurl): they
/// pass on the faithful mock and name the list pointer and the group's line on a mock whose list
/// is stale after a PATCH.
@Suite(.serialized) struct ListEntryAndGroupTests {
    static let fixture = """
        suite: listEntry
        groups:
          listAgrees:
            - method: GET
              path: /me/profile/positions/${item.id | urlencode}
              snapshot: current
            - name: the list entry
              method: GET
              path: /me/profile/positions
              pages: all
              expect: {status: 200, listEntry: {id: "${item.id}", equals: current, except: [server-managed]}}
        setup:
          - {method: POST, path: /me/profile/positions, json: {isCurrent: true, detail: {jobTitle: First}}, expect: {status: 201}, capture: {position: /}}
        teardown:
          - {method: DELETE, path: "/me/profile/positions/${position.id | urlencode}", expect: {status: [204, 404]}}
        cases:
          - name: after a PATCH
            steps:
              - {method: PATCH, path: "/me/profile/positions/${position.id | urlencode}", json: {detail: {jobTitle: Second}}, expect: {status: 200}}
              - use: listAgrees
                with: {item: "${position}"}
          - name: an id the list does not hold
            steps:
              - {method: GET, path: "/me/profile/positions/${position.id | urlencode}", snapshot: current}
              - method: GET
                path: /me/profile/positions
                expect: {status: 200, listEntry: {id: "${uuid}", equals: current}}
        """

    static func run(defect: MockDefect?) async throws -> [String: CaseReport] {
        let sink = DiagnosticSink()
        let targetPath = ConstructTests.repoRoot.appendingPathComponent("cases/targets/embedded.yaml").path
        let target = try #require(TargetFileDecoder.load(text: String(contentsOfFile: targetPath, encoding: .utf8), path: targetPath, sink: sink))
        let shapes = ContractLoader.load(directory: ConstructTests.repoRoot.appendingPathComponent("cases/contract").path, sink: sink)
        let context = SuiteLoader.lintContext(target: target, shapes: shapes)
        let file = try #require(CaseFileDecoder.load(text: fixture, path: "listEntry.yaml", context: context, sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        var configuration = MockConfiguration()
        configuration.defect = defect
        let server = try await GraphMockServer.start(configuration: configuration)
        let results = await ConstructTests.run(PlannedCase.plan([file], enumMembers: shapes.enumMembers), target: target, shapes: shapes, baseURL: server.baseURL)
        try await server.shutdown()
        return Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
    }

    @Test func listEntryPassesOnTheFaithfulMockAndNamesTheListPointerOnAStaleOne() async throws {
        let faithful = try await Self.run(defect: nil)
        #expect(faithful["after a PATCH"]?.outcome.kind == "passed", "\(faithful["after a PATCH"]?.outcome.text ?? "")")

        let stale = try #require(try await Self.run(defect: .listStaleAfterPatch)["after a PATCH"])
        #expect(stale.outcome.kind == "failed")
        // Another case's position may share the list, so the index is not fixed.
        #expect(stale.outcome.text.contains(/\/value\/[01]\/detail\/jobTitle: expected "Second" \(as in snapshot 'current'\), got "First" in the list/), "\(stale.outcome.text)")
        #expect(stale.outcome.text.contains("step 3 'the list entry'"), "\(stale.outcome.text)")
        #expect(stale.outcome.text.contains("listEntry.yaml:11:"), "the group's line: \(stale.outcome.text)")
    }

    @Test func aMissingIdIsReported() async throws {
        let result = try #require(try await Self.run(defect: nil)["an id the list does not hold"])
        #expect(result.outcome.kind == "failed")
        #expect(result.outcome.text.contains("/value: expected an element with id"), "\(result.outcome.text)")
    }
}
