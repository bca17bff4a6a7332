import CaseModel
import JSONShape
import Testing

/// `groups:` / `use:` / `with:` and `listEntry` as the decoder reads them.
@Suite struct StepGroupTests {
    static func load(_ text: String) -> (file: CaseFile?, diagnostics: [String]) {
        let sink = DiagnosticSink()
        let file = CaseFileDecoder.load(text: text, path: "g.yaml", context: TestContract.loaded.context, sink: sink)
        return (file, sink.sorted.map(\.description))
    }

    static let group = """
        groups:
          probe:
            - as: ${who}
              method: GET
              path: /users/${key | urlencode}/profile/positions/${item.id | urlencode}
              snapshot: seen
            - method: GET
              path: /me/profile/positions
              expect: {listEntry: {id: "${item.id}", equals: seen, except: [server-managed, /isCurrent]}}
        """

    @Test func aUseExpandsInPlaceWithRenamedVariablesAndTextParameters() throws {
        let (file, diagnostics) = Self.load(Self.group + """

            cases:
              - name: c
                steps:
                  - {method: POST, path: /me/profile/positions, json: {}, capture: {created: /}}
                  - use: probe
                    with: {who: readWriteAll, key: "${user.readWrite.upn}", item: "${created}"}
                  - {method: GET, path: "/me/profile/positions/${seen.id | urlencode}"}
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let steps = try #require(file?.cases.first?.steps)
        #expect(steps.count == 4)
        #expect(steps[1].principal == "readWriteAll")
        #expect(steps[1].path == "/users/${user.readWrite.upn | urlencode}/profile/positions/${created.id | urlencode}")
        #expect(steps[1].location.line == 3, "a group step keeps the line it was written at")
        let entry = try #require(steps[2].expect.assertions.lazy.compactMap { assertion -> Assertion.ListEntry? in
            if case .listEntry(let entry) = assertion { entry } else { nil }
        }.first)
        #expect(entry.id == "${created.id}")
        #expect(entry.snapshot == "seen")
        #expect(entry.array.description == "/value")
        #expect(entry.except.map { $0.description } == ["/lastModifiedDateTime", "/lastModifiedBy", "/isSearchable", "/sources", "/isCurrent"])
    }

    @Test func mistakesAreReportedWithTheirLines() {
        let (_, diagnostics) = Self.load(Self.group + """

            cases:
              - name: c
                steps:
                  - use: prob
                  - use: probe
                    with: {who: readWrite, key: plain text, item: plain}
                  - {method: GET, path: /me/profile/positions, expect: {listEntry: {id: x, equals: nowhere}}}
            """)
        #expect(diagnostics.contains("g.yaml:13:14: error: unknown group 'prob'; did you mean 'probe'?"), "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("g.yaml:5:13: error: '${key | urlencode}' needs parameter 'key' bound to one variable") && $0.hasSuffix("(in group 'probe' used at line 14)") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("no earlier step takes a snapshot named 'nowhere'") }, "\(diagnostics)")
    }
}
