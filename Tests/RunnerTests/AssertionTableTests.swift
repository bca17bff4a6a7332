import CaseModel
import Foundation
import GraphMock
import JSONShape
import Reporting
@testable import Runner
import Testing

/// Every `expect:` keyword, passing and failing, judged on real answers: each row becomes a case
/// that creates a position on the embedded mock (real socket, libcurl), snapshots it, sends one
/// request and checks the row's `expect:` block. A keyword without a passing and a failing row
/// fails `everyKeywordHasRows`, so a new keyword cannot ship unevaluated.
@Suite(.serialized) struct AssertionTableTests {
    struct Row: Sendable {
        var keyword: Assertion.Keyword
        var name: String
        /// The last step's request line, e.g. "GET /me/profile/positions/${position.id}".
        var request: String
        /// Its `expect:` block, flow style.
        var expect: String
        /// nil: the case must pass; otherwise a fragment of the failure text.
        var failure: String?
    }

    static let item = "/me/profile/positions/${position.id}"
    static let list = "/me/profile/positions"

    static let rows: [Row] = [
        Row(keyword: .status, name: "status", request: "GET \(item)", expect: "{status: [200, 203]}", failure: nil),
        Row(keyword: .status, name: "status", request: "GET \(item)", expect: "{status: 201}", failure: "status: expected 201, got 200"),
        Row(keyword: .errorShape, name: "errorShape", request: "GET /me/profile/positions/${uuid}", expect: "{status: 404, errorShape: graph.error}", failure: nil),
        Row(keyword: .errorShape, name: "errorShape", request: "GET /me/profile/positions/${uuid}",
            expect: "{status: 404, errorShape: microsoft.graph.workPosition}", failure: "error body /id: expected"),
        Row(keyword: .headers, name: "headers", request: "GET \(item)",
            expect: #"{headers: {content-type: {matches: "(?i)^application/json"}, request-id: {present: true}, x-none: {absent: true}}}"#, failure: nil),
        Row(keyword: .headers, name: "headers", request: "GET \(item)", expect: "{headers: {request-id: {absent: true}}}",
            failure: "header request-id: expected to be absent"),
        Row(keyword: .body, name: "body", request: "DELETE \(item)", expect: "{status: 204, body: empty}", failure: nil),
        Row(keyword: .body, name: "body", request: "GET \(item)", expect: "{body: empty}", failure: "body: expected no body, got"),
        Row(keyword: .shape, name: "shape", request: "GET \(item)", expect: "{shape: microsoft.graph.workPosition}", failure: nil),
        Row(keyword: .shape, name: "shape", request: "GET \(list)", expect: "{shape: microsoft.graph.workPosition}", failure: "/id: expected Edm.String"),
        Row(keyword: .json, name: "json", request: "GET \(item)", expect: "{json: {isCurrent: true, detail: {jobTitle: Engineer}}}", failure: nil),
        Row(keyword: .json, name: "json", request: "GET \(item)", expect: "{json: {detail: {jobTitle: Nurse}}}",
            failure: #"/detail/jobTitle: expected "Nurse", got "Engineer""#),
        Row(keyword: .at, name: "at", request: "GET \(item)", expect: #"{at: {/detail/company/displayName: Contoso, /id: "${position.id}"}}"#, failure: nil),
        Row(keyword: .at, name: "at", request: "GET \(item)", expect: "{at: {/detail/company/displayName: Fabrikam}}",
            failure: #"/detail/company/displayName: expected "Fabrikam", got "Contoso""#),
        Row(keyword: .present, name: "present", request: "GET \(item)", expect: "{present: [/detail/jobTitle]}", failure: nil),
        Row(keyword: .present, name: "present", request: "GET \(item)", expect: "{present: [/noSuchMember]}", failure: "/noSuchMember: expected to be present"),
        Row(keyword: .absent, name: "absent", request: "GET \(item)", expect: "{absent: [/noSuchMember]}", failure: nil),
        Row(keyword: .absent, name: "absent", request: "GET \(item)", expect: "{absent: [/detail/jobTitle]}",
            failure: #"/detail/jobTitle: expected to be absent, got "Engineer""#),
        Row(keyword: .null, name: "null", request: "GET \(item)", expect: "{\"null\": [/manager]}", failure: nil),
        Row(keyword: .null, name: "null", request: "GET \(item)", expect: "{\"null\": [/isCurrent]}", failure: "/isCurrent: expected null, got true"),
        Row(keyword: .unchanged, name: "unchanged", request: "GET \(item)", expect: "{unchanged: {from: before}}", failure: nil),
        Row(keyword: .unchanged, name: "unchanged", request: "PATCH \(item) {detail: {jobTitle: Nurse}}",
            expect: "{unchanged: {from: before, except: [server-managed]}}", failure: "/detail/jobTitle"),
        Row(keyword: .later, name: "later", request: "GET \(item)", expect: #"{later: {/lastModifiedDateTime: "2000-01-01T00:00:00Z"}}"#, failure: nil),
        Row(keyword: .later, name: "later", request: "GET \(item)", expect: #"{later: {/lastModifiedDateTime: "${before.lastModifiedDateTime}"}}"#,
            failure: "/lastModifiedDateTime: expected later than"),
        Row(keyword: .notEarlier, name: "notEarlier", request: "GET \(item)",
            expect: #"{notEarlier: {/lastModifiedDateTime: "${before.lastModifiedDateTime}"}}"#, failure: nil),
        Row(keyword: .notEarlier, name: "notEarlier", request: "GET \(item)", expect: #"{notEarlier: {/lastModifiedDateTime: "2999-01-01T00:00:00Z"}}"#,
            failure: "/lastModifiedDateTime: expected the same instant as or later than"),
        Row(keyword: .contains, name: "contains", request: "GET \(list)", expect: #"{contains: {/value: {id: "${position.id}"}}}"#, failure: nil),
        Row(keyword: .contains, name: "contains", request: "GET \(list)", expect: #"{contains: {/value: {id: "${uuid}"}}}"#, failure: "/value: expected an element matching"),
        Row(keyword: .notContains, name: "notContains", request: "GET \(list)", expect: #"{notContains: {/value: {id: "${uuid}"}}}"#, failure: nil),
        Row(keyword: .notContains, name: "notContains", request: "GET \(list)", expect: #"{notContains: {/value: {id: "${position.id}"}}}"#,
            failure: "expected no element matching"),
        Row(keyword: .listEntry, name: "listEntry", request: "GET \(list)",
            expect: #"{listEntry: {id: "${position.id}", equals: before, except: [server-managed]}}"#, failure: nil),
        Row(keyword: .listEntry, name: "listEntry", request: "GET \(list)",
            expect: #"{listEntry: {id: "${uuid}", equals: before}}"#, failure: "/value: expected an element with id"),
    ]

    /// A case name per row: "pass at", "fail at".
    static func caseName(_ row: Row) -> String { (row.failure == nil ? "pass " : "fail ") + row.name }

    /// One case file holding every row.
    static var caseFile: String {
        var text = """
            suite: assertions
            cases:

            """
        for row in rows {
            let parts = row.request.split(separator: " ", maxSplits: 2).map(String.init)
            let body = parts.count > 2 ? ", json: \(parts[2])" : ""
            text += """
                  - name: \(caseName(row))
                    setup:
                      - method: POST
                        path: \(list)
                        json: {isCurrent: true, detail: {jobTitle: Engineer, company: {displayName: Contoso}}}
                        expect: {status: 201}
                        capture: {position: /}
                    steps:
                      - {method: GET, path: "\(item)", snapshot: before}
                      - {method: \(parts[0]), path: "\(parts[1])"\(body), expect: \(row.expect)}
                    teardown:
                      - {method: DELETE, path: "\(item)", expect: {status: [204, 404]}}

                """
        }
        return text
    }

    static func load() throws -> (TargetFile, ShapeRegistry, CaseFile) {
        let (target, shapes, _) = try ConstructTests.loadSuite()
        let sink = DiagnosticSink()
        let file = try #require(CaseFileDecoder.load(text: caseFile, path: "inline/assertions.yaml",
                                                     context: SuiteLoader.lintContext(target: target, shapes: shapes), sink: sink))
        try #require(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return (target, shapes, file)
    }

    @Test func everyKeywordHasAPassingAndAFailingRow() {
        let all = Set(Assertion.Keyword.allCases)
        #expect(Set(Self.rows.filter { $0.failure == nil }.map(\.keyword)) == all)
        #expect(Set(Self.rows.filter { $0.failure != nil }.map(\.keyword)) == all)
    }

    /// Each row's `expect:` decodes into the keyword it is about, so the table cannot test one
    /// keyword while claiming another.
    @Test func eachRowDecodesToItsKeyword() throws {
        let (_, _, file) = try Self.load()
        for (row, definition) in zip(Self.rows, file.cases) {
            let expectation = try #require(definition.steps.last?.expect)
            let keywords = Set(expectation.assertions.map(\.keyword))
                .union(expectation.status.map { _ in [.status] } ?? [])
                .union(expectation.errorShape.map { _ in [.errorShape] } ?? [])
            #expect(keywords.contains(row.keyword), "\(definition.name): \(keywords)")
        }
    }

    @Test func everyRowPassesOrFailsAsWritten() async throws {
        let (target, shapes, file) = try Self.load()
        let planned = PlannedCase.plan([file], enumMembers: shapes.enumMembers)
        let server = try await GraphMockServer.start(configuration: MockConfiguration())
        let results = await ConstructTests.run(planned, target: target, shapes: shapes, baseURL: server.baseURL)
        try await server.shutdown()
        #expect(results.count == Self.rows.count)
        for (row, result) in zip(Self.rows, results) {
            guard let failure = row.failure else {
                #expect(result.outcome.kind == "passed", "\(result.name): \(result.outcome.text)")
                continue
            }
            #expect(result.outcome.kind == "failed", "\(result.name): \(result.outcome.text)")
            #expect(result.outcome.text.contains(failure), "\(result.name): \(result.outcome.text)")
            // Typed through to the report: the failing expectation's own file:line:col.
            let mismatch = try #require(result.outcome.problem?.mismatches.first, "\(result.name)")
            #expect(mismatch.location?.wholeMatch(of: /inline\/assertions\.yaml:\d+:\d+/) != nil, "\(result.name): \(mismatch)")
            #expect(result.outcome.problem?.type == "graph.contract-mismatch")
            if row.keyword == .unchanged {
                let comparison = try #require(mismatch.comparison, "an unchanged failure carries both bodies")
                #expect(comparison.snapshot.contains("Engineer") && comparison.current.contains("Nurse"))
            }
        }
    }
}
