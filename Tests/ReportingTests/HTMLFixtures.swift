import Foundation
import Reporting

/// Reports for the HTML report's tests: one with every feature a reader meets (typed mismatches,
/// a snapshot comparison, a hostile server, tags, retries, every outcome), and a large one.
enum HTMLFixtures {
    /// An address nothing listens on; a page that fetched it would show up in the browser's
    /// network log and console. Used only inside hostile server text.
    static let beacon = "http://127.0.0.1:9/beacon"

    /// What a hostile server puts in a body: markup and script that must only ever show as text.
    static let hostileBody = """
        {"error":{"code":"x","message":"<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>\
        <img src=\\"\(beacon).png\\" onerror=\\"document.title='pwned'\\"><a href=\\"\(beacon)\\">click</a>\
        <link rel=stylesheet href=\\"\(beacon).css\\"><style>@import url(\(beacon).css)</style>"}}
        """

    static let snapshotBefore = """
        {"id":"42","allowedAudiences":"organization","isCurrent":true,"lastModifiedDateTime":"2026-11-29T10:00:00Z",\
        "detail":{"jobTitle":"Staff Engineer","company":{"displayName":"Contoso","address":{"city":"Redmond"}},\
        "description":"graph-conformance run-0001"},"categories":["a"]}
        """

    /// The PATCH changed `isCurrent` (allowed) and the server bumped `lastModifiedDateTime`
    /// (allowed), but it also dropped `detail/company/displayName` and rewrote `detail/jobTitle`.
    static let snapshotAfter = """
        {"id":"42","allowedAudiences":"organization","isCurrent":false,"lastModifiedDateTime":"2026-11-29T10:00:05Z",\
        "detail":{"jobTitle":"Engineer","company":{"address":{"city":"Redmond"}},\
        "description":"graph-conformance run-0001"},"categories":["a"]}
        """

    static let comparison = Mismatch.Comparison(snapshot: snapshotBefore, current: snapshotAfter)

    static let showcase = Fixtures.run([
        Fixtures.suite("preservation.partial-patch", "cases/preservation/partial-patch.yaml", [
            CaseReport(
                classname: "graph.workPosition.preservation", name: "PATCH isCurrent alone keeps every other property", time: 0.25,
                outcome: .failed(Problem(
                    type: "graph.contract-mismatch",
                    message: "step 3 'read back' GET -> 200: /detail/jobTitle: was \"Staff Engineer\", now \"Engineer\"",
                    detail: "step 3 'read back' GET /me/profile/positions/42 -> 200\n  /detail/jobTitle: was \"Staff Engineer\", now \"Engineer\"\n  at cases/preservation/partial-patch.yaml:62:9",
                    mismatches: [
                        Mismatch(pointer: "/detail/jobTitle", expected: "\"Staff Engineer\" (unchanged since snapshot 'before')",
                                 actual: "\"Engineer\"", location: "cases/preservation/partial-patch.yaml:62:9", comparison: comparison),
                        Mismatch(pointer: "/detail/company/displayName", expected: "\"Contoso\" (unchanged since snapshot 'before')",
                                 actual: "absent", location: "cases/preservation/partial-patch.yaml:62:9", comparison: comparison),
                    ])),
                location: "cases/preservation/partial-patch.yaml:55:5",
                transcript: "> PATCH /me/profile/positions/42\n> Authorization: Bearer abc.def\n< 200 OK\n< content-type: application/json\n\n" + snapshotAfter,
                retries: [RetryNote(status: 429, retryAfterSeconds: 1, request: "PATCH /me/profile/positions/42")],
                clientRequestIDs: ["00000000-0000-4000-8000-000000000042"],
                tags: ["preservation", "patch"]),
            CaseReport(
                classname: "graph.workPosition.preservation", name: "PATCH categories keeps every other property", time: 0.1,
                outcome: .passed, tags: ["preservation"]),
        ]),
        Fixtures.suite("auth.authorization", "cases/auth/authorization.yaml", offset: 1, [
            CaseReport(
                classname: "graph.workPosition.auth", name: "expired token is rejected with 401", time: 0.05,
                outcome: .failed(Problem(
                    type: "graph.contract-mismatch",
                    message: "step 1 PATCH -> 200: status: expected 401, got 200",
                    detail: "step 1 PATCH /me/profile/positions/42 -> 200\n  status: expected 401, got 200\n  body: " + hostileBody
                        + "\n  token was " + Fixtures.jwt + "\n  at cases/auth/authorization.yaml:30:19",
                    mismatches: [
                        Mismatch(pointer: nil, expected: "status 401", actual: "status 200", location: "cases/auth/authorization.yaml:30:19"),
                        Mismatch(pointer: "/error/message", expected: "a Graph error message", actual: hostileBody,
                                 location: "cases/auth/authorization.yaml:31:19"),
                    ])),
                location: "cases/auth/authorization.yaml:24:5",
                transcript: "> PATCH /me/profile/positions/42\n> Authorization: Bearer " + Fixtures.jwt + "\n< 200 OK\n\n" + hostileBody,
                tags: ["auth"]),
            CaseReport(
                classname: "graph.workPosition.auth", name: "lower-case scheme works", time: 0.02,
                outcome: .skipped(reason: "target has no readWrite principal"), tags: ["auth", "inferred"]),
        ]),
        Fixtures.suite("partial.settable-properties", "cases/partial/settable-properties.yaml", offset: 2, [
            CaseReport(
                classname: "graph.workPosition.partial", name: "PATCH detail alone", time: 0.2,
                outcome: .failed(Problem(
                    type: "graph.contract-mismatch",
                    message: "/detail/startMonthYear: expected Edm.Date (YYYY-MM-DD), got \"2019-04-01T00:00:00Z\"",
                    detail: "step 1 PATCH /me/profile/positions/42 -> 200\n  /detail/startMonthYear: expected Edm.Date (YYYY-MM-DD), got \"2019-04-01T00:00:00Z\"\n  at cases/partial/settable-properties.yaml:88:11")),
                location: "cases/partial/settable-properties.yaml:80:5", tags: ["partial"]),
            CaseReport(
                classname: "graph.workPosition.partial", name: "PATCH with a body the server cannot read", time: 15,
                outcome: .error(Problem(type: "transport.timeout", message: "timed out after 15 s", detail: "Operation timed out after 15000 ms")),
                location: "cases/partial/settable-properties.yaml:120:5", tags: ["partial"]),
        ]),
    ])

    static var showcaseWithHTTPVersion: RunReport {
        var report = showcase
        report.properties.append(ReportProperty(name: "httpVersion", value: "HTTP/2"))
        return report
    }

    /// `count` failing cases spread over the catalogue's nine areas, each as heavy as a real
    /// `unchanged` failure: five mismatches sharing one snapshot pair, a retry, a 4 KB transcript.
    static func large(count: Int = 200) -> RunReport {
        let areas = ["auth", "partial", "preservation", "enums", "permissions", "addressing", "validation", "semantics", "response"]
        let transcript = (0..<40).map { "< header-\($0): value \($0) \(String(repeating: "x", count: 60))" }.joined(separator: "\n")
            + "\n\n" + snapshotAfter
        let suites = areas.enumerated().map { areaIndex, area in
            let cases = stride(from: areaIndex, to: count, by: areas.count).map { index in
                CaseReport(
                    classname: "graph.workPosition.\(area)", name: "case \(index) keeps every other property", time: 0.1,
                    outcome: .failed(Problem(
                        type: "graph.contract-mismatch", message: "/detail/jobTitle: was \"Staff Engineer\", now \"Engineer\"",
                        detail: "step 3 GET -> 200\n" + (0..<5).map { "  /detail/m\($0): was 1, now 2" }.joined(separator: "\n"),
                        mismatches: (0..<5).map {
                            Mismatch(pointer: "/detail/m\($0)", expected: "1 (unchanged)", actual: "2",
                                     location: "cases/\(area)/file.yaml:\(10 + $0):9", comparison: comparison)
                        })),
                    location: "cases/\(area)/file.yaml:\(index + 1):5",
                    transcript: transcript,
                    retries: [RetryNote(status: 503, retryAfterSeconds: 2, request: "GET /me/profile/positions/\(index)")],
                    tags: [area])
            }
            return Fixtures.suite("\(area).file", "cases/\(area)/file.yaml", cases)
        }
        return Fixtures.run(suites)
    }
}
