import CaseModel
import JSONShape
@testable import Runner
import Testing

/// Longest chains start first; ties keep plan order.
@Suite struct CaseScheduleTests {
    static let yaml = """
        suite: schedule
        cases:
          - name: short
            steps:
              - {method: GET, path: /me/profile/positions, expect: {status: 200}}
          - name: long
            setup:
              - {method: GET, path: /me/profile/positions, expect: {status: 200}}
            steps:
              - {method: GET, path: /me/profile/positions, expect: {status: 200}}
              - {method: GET, path: /me/profile/positions, expect: {status: 200}}
            teardown:
              - {method: GET, path: /me/profile/positions, expect: {status: 200}}
          - name: waits
            steps:
              - {method: GET, path: /me/profile/positions, wait: 0.5, expect: {status: 200}}
          - name: also short
            steps:
              - {method: GET, path: /me/profile/positions, expect: {status: 200}}
        """

    @Test func longestEstimatedChainFirstTiesInPlanOrder() throws {
        let (target, shapes, _) = try ConstructTests.loadSuite()
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: Self.yaml, path: "schedule.yaml",
                                                     context: SuiteLoader.lintContext(target: target, shapes: shapes), sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let planned = PlannedCase.plan([file], enumMembers: shapes.enumMembers)
        #expect(planned.map(\.displayName) == ["short", "long", "waits", "also short"])
        let order = CaseSchedule.order(planned).map { planned[$0].displayName }
        // waits: 1 step + 0.5 s = 0.55 s; long: 4 steps = 0.2 s; the two one-step cases in plan order.
        #expect(order == ["waits", "long", "short", "also short"])
        #expect(abs(CaseSchedule.estimatedSeconds(planned[1]) - 4 * CaseSchedule.nominalRequestSeconds) < 1e-9)
    }
}
