import CaseModel
import Foundation
import JSONShape
import Reporting
@testable import Runner
import TestSupport
import Testing

/// A server that answers with a deliberately wrong workPosition: the JUnit failure text has one
/// precise line per problem, each with its pointer and the case-file line that asked.
@Suite struct ShapeFailureReportTests {
    static let wrongPosition = #"""
        {"id": null, "isCurrent": 1, "allowedAudiences": "neighbours",
         "detail": {"jobTitle": 7, "startMonthYear": "2019-02-30"}}
        """#

    @Test func everyProblemIsOneLineWithItsPointer() async throws {
        let server = try ScriptedServer(.respond(status: 200, headers: [("Content-Type", "application/json")], body: Array(Self.wrongPosition.utf8)))
        defer { server.stop() }
        let (target, shapes, _) = try ConstructTests.loadSuite()
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: """
            suite: wrong
            cases:
              - name: get a broken position
                steps:
                  - method: GET
                    path: /me/profile/positions/x
                    expect:
                      status: 200
                      shape: microsoft.graph.workPosition
            """, path: "inline/wrong.yaml", context: SuiteLoader.lintContext(target: target, shapes: shapes), sink: sink))
        let planned = PlannedCase.plan([file], enumMembers: shapes.enumMembers)
        let tokens = TokenProvider(forceMint: true).tokens(for: target).tokens
        let results = await ConformanceRun(planned: planned, target: target, tokens: tokens, shapes: shapes,
                                           settings: RunSettings(baseURL: server.baseURL + "/beta", runID: "t")).results()
        let report = ReportAssembler.assemble(planned: planned, results: results, runID: "t", startedAt: Date(), properties: [], interrupted: false)
        let xml = JUnitWriter.render(report)
        let problemLines = xml.split(separator: "\n").filter { $0.contains(": expected ") && !$0.contains("message=") }
        let pointers = problemLines.compactMap { $0.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) }
        #expect(pointers == ["/id", "/isCurrent", "/allowedAudiences", "/detail/jobTitle", "/detail/startMonthYear"], "\(xml)")
        #expect(xml.contains("at inline/wrong.yaml:9:"), "the failure names the expectation's line")
        #expect(xml.contains("<failure"))
    }
}
