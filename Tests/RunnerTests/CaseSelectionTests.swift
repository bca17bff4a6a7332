import CaseModel
import JSONShape
@testable import Runner
import Testing

/// `--tag`, `--skip-tag` and `--case` choose cases; `--skip-tag` wins over the others.
@Suite struct CaseSelectionTests {
    static func planned() throws -> [PlannedCase] {
        let (target, shapes, _) = try ConstructTests.loadSuite()
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: """
            suite: selection
            tags: [all]
            cases:
              - {name: PATCH one, tags: [patch], steps: [{method: GET, path: /a}]}
              - {name: PATCH two, tags: [patch, inferred], steps: [{method: GET, path: /a}]}
              - {name: GET three, tags: [get], steps: [{method: GET, path: /a}]}
            """, path: "selection.yaml", context: SuiteLoader.lintContext(target: target, shapes: shapes), sink: sink))
        return PlannedCase.plan([file], enumMembers: shapes.enumMembers)
    }

    @Test(arguments: [
        (CaseSelection(), ["PATCH one", "PATCH two", "GET three"]),
        (CaseSelection(tags: ["patch"]), ["PATCH one", "PATCH two"]),
        (CaseSelection(skippedTags: ["inferred"]), ["PATCH one", "GET three"]),
        (CaseSelection(tags: ["patch"], skippedTags: ["inferred"]), ["PATCH one"]),
        (CaseSelection(nameGlobs: ["PATCH*"]), ["PATCH one", "PATCH two"]),
        (CaseSelection(nameGlobs: ["selection/GET*"]), ["GET three"]),
        (CaseSelection(tags: ["all"], skippedTags: ["all"]), []),
    ])
    func selects(selection: CaseSelection, expected: [String]) throws {
        #expect(selection.filter(try Self.planned()).map(\.displayName) == expected)
    }
}
