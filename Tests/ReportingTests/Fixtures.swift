import Foundation
import Reporting

/// Fixed reports for golden and behaviour tests: fixed dates, host and run id, so output is stable.
enum Fixtures {
    /// 2026-11-29T10:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_795_946_400)
    /// A test token: header {"alg":"none"}, payload {"sub":"x"}, empty signature. Not a credential.
    static let jwt = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."

    static let properties = [
        ReportProperty(name: "target.baseURL", value: "http://127.0.0.1:8080/beta"),
        ReportProperty(name: "suite.version", value: "0.1.0"),
        ReportProperty(name: "run.id", value: "run-0001"),
        ReportProperty(name: "policy.retries", value: "2"),
    ]

    static func run(_ suites: [SuiteReport], interrupted: Bool = false) -> RunReport {
        RunReport(
            name: "graph-conformance", runID: "run-0001", startedAt: start, hostname: "ci-runner-1",
            properties: properties, suites: suites, interrupted: interrupted)
    }

    static func suite(_ name: String, _ file: String, offset: Double = 0, _ cases: [CaseReport]) -> SuiteReport {
        SuiteReport(name: name, file: file, timestamp: start.addingTimeInterval(offset), cases: cases)
    }

    /// Table of golden fixtures by name (the golden files are NAME.xml and NAME.json).
    static let goldens: [(name: String, report: RunReport)] = [
        ("passing", passing), ("failing", failing), ("erroring", erroring), ("skipped", skipped),
        ("retried", retried), ("mixed", mixed), ("empty", run([])),
    ]

    static let passing = run([
        suite("get-positions", "cases/get/positions.yaml", [
            CaseReport(
                classname: "graph.workPosition.get", name: "GET list returns value array", time: 0.12,
                outcome: .passed,
                transcript: "> GET /me/profile/positions\n< 200 OK\n< content-type: application/json",
                clientRequestIDs: ["00000000-0000-4000-8000-000000000001"]),
            CaseReport(classname: "graph.workPosition.get", name: "GET by id", time: 0.0456, outcome: .passed),
        ]),
    ])

    static let failing = run([
        suite("patch-partial", "cases/patch/partial.yaml", [
            CaseReport(
                classname: "graph.workPosition.patch", name: "PATCH jobTitle only keeps other fields", time: 0.2345,
                outcome: .failed(Problem(
                    type: "graph.contract-mismatch",
                    message: "step 2 PATCH /me/profile/positions/{id} -> 200: /detail/company/displayName: expected \"Contoso\", got null",
                    detail: "step 2 PATCH /me/profile/positions/{id} -> 200",
                    mismatches: [
                        Mismatch(pointer: "/detail/company/displayName", expected: "\"Contoso\" (unchanged since snapshot 'before')", actual: "null",
                                 location: "cases/patch/partial.yaml:14:9",
                                 comparison: Mismatch.Comparison(snapshot: #"{"detail":{"company":{"displayName":"Contoso"}}}"#,
                                                                 current: #"{"detail":{"company":{"displayName":null}}}"#)),
                        Mismatch(subject: "header content-type", pointer: nil, expected: "to match /<json> & more/", actual: "\"text/plain\"",
                                 location: "cases/patch/partial.yaml:16:11"),
                        Mismatch(pointer: "", expected: "an object", actual: "[]", location: nil),
                    ])),
                location: "cases/patch/partial.yaml:12:5",
                transcript: "> PATCH /me/profile/positions/42\n> Authorization: Bearer abc.def\n< 200 OK"),
        ]),
    ])

    static let erroring = run([
        suite("create", "cases/create/basic.yaml", [
            CaseReport(
                classname: "graph.workPosition.create", name: "POST creates a position", time: 0.001,
                outcome: .error(Problem(
                    type: "transport.connect", message: "could not connect (curl 7)",
                    detail: "Failed to connect to 127.0.0.1 port 8080: Connection refused")),
                location: "cases/create/basic.yaml:3:3"),
        ]),
    ])

    static let skipped = run([
        suite("delete", "cases/delete/basic.yaml", [
            CaseReport(
                classname: "graph.workPosition.delete", name: "delegated permission denial", time: 0,
                outcome: .skipped(reason: "no delegated principal configured")),
        ]),
    ])

    static let retried = run([
        suite("patch-throttle", "cases/patch/throttle.yaml", [
            CaseReport(
                classname: "graph.workPosition.patch", name: "PATCH survives throttling", time: 3.5,
                outcome: .passed,
                retries: [
                    RetryNote(status: 429, retryAfterSeconds: 1, request: "PATCH /me/profile/positions/42"),
                    RetryNote(status: 503, retryAfterSeconds: 2.5, request: "PATCH /me/profile/positions/42"),
                ]),
        ]),
    ])

    static let mixed = run([
        suite("patch-partial", "cases/patch/partial.yaml", [
            CaseReport(
                classname: "graph.workPosition.patch", name: "PATCH isCurrent[allowedAudiences=organization]",
                time: 0.1, outcome: .passed, transcript: "> Authorization: Bearer abc.def\n< 204 No Content"),
            CaseReport(
                classname: "graph.workPosition.patch", name: "PATCH isCurrent[allowedAudiences=organization]",
                time: 0.2,
                outcome: .failed(Problem(
                    type: "contract-mismatch", message: "/isCurrent: expected true,\ngot false",
                    detail: "/isCurrent: expected true, got false\ntoken was " + jwt)),
                location: "cases/patch/partial.yaml:30:7"),
            CaseReport(
                classname: "graph.workPosition.patch", name: "PATCH unknown property", time: 0.05,
                outcome: .skipped(reason: "target does not validate unknown properties")),
        ]),
        suite("empty-file", "cases/empty.yaml", offset: 1, []),
        suite("list", "cases/list/paging.yaml", offset: 2, [
            CaseReport(
                classname: "graph.workPosition.list", name: "paging follows @odata.nextLink", time: 1.0004,
                outcome: .error(Problem(type: "transport.timeout", message: "timed out after 30s", detail: "")),
                transcript: "\u{1B}[31mred\u{1B}[0m\nCookie: session=s3cr3t",
                retries: [RetryNote(status: 429, retryAfterSeconds: 0.25, request: "GET /me/profile/positions?$top=1")],
                clientRequestIDs: ["id-1", "id-2"]),
            CaseReport(classname: "graph.workPosition.list", name: "paging stops", time: 0.3, outcome: .passed),
        ]),
    ])
}
