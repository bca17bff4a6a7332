import CaseModel
import Foundation
import JSONShape
import Testing

/// Broken case files kept as fixtures: each must produce exactly the diagnostics in its
/// `.expected` file (`file:line:col: error: message`). Re-record with GRAPH_CONFORMANCE_RECORD=1
/// (the run then fails, so a recording is never mistaken for a pass).
@Suite struct LintFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func context() throws -> LintContext {
        #expect(TestContract.loaded.diagnostics.isEmpty, "contract diagnostics: \(TestContract.loaded.diagnostics)")
        return TestContract.loaded.context
    }

    static let brokenNames = ["unknown-keys", "duplicate-key", "wrong-types", "unknown-references", "bad-yaml", "bad-pointers"]

    @Test(arguments: brokenNames)
    func brokenFixtureGivesExactDiagnostics(name: String) throws {
        let path = "Fixtures/broken/\(name).yaml"
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("broken/\(name).yaml"), encoding: .utf8)
        let sink = DiagnosticSink()
        _ = CaseFileDecoder.load(text: text, path: path, context: try Self.context(), sink: sink)
        let actual = sink.sorted.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = Self.fixtures.appendingPathComponent("broken/\(name).expected")
        if ProcessInfo.processInfo.environment["GRAPH_CONFORMANCE_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedURL.lastPathComponent); unset GRAPH_CONFORMANCE_RECORD and run again")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
        #expect(sink.hasErrors, "a broken fixture must produce at least one error")
    }

    @Test func goodFixtureDecodesWithoutDiagnostics() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("good/minimal.yaml"), encoding: .utf8)
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: text, path: "minimal.yaml", context: try Self.context(), sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(file.suite == "minimal")
        #expect(file.classname == "graph.workPosition.minimal")
        #expect(file.cases.map(\.name) == ["patch isCurrent", "every audience"])
        #expect(file.setup.count == 1 && file.teardown.count == 1)
        let patch = file.cases[0].steps[1]
        #expect(patch.method == "PATCH")
        let unchanged = patch.expect.assertions.compactMap { if case .unchanged(let value) = $0 { value } else { nil } }
        #expect(unchanged.first?.except.map(\.description) == ["/lastModifiedDateTime", "/lastModifiedBy", "/isSearchable", "/sources", "/isCurrent"])
        let later = patch.expect.assertions.compactMap { if case .later(let pointer, _) = $0 { pointer } else { nil } }
        #expect(later.map(\.description) == ["/lastModifiedDateTime"])
        #expect(patch.location.line == 20)
        if case .enumMembers(let name) = file.cases[1].matrix.first?.source {
            #expect(name == "microsoft.graph.allowedAudiences")
        } else {
            Issue.record("matrix should expand an enum")
        }
    }
}
