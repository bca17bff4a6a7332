/// A GitLab code-quality report (the Code Climate issue format GitLab reads from
/// `artifacts:reports:codequality`): one issue per failed or errored case, pinned to its
/// case-file line, so the merge request's widget and diff show where the contract broke.
///
/// ```json
/// [{"type": "issue", "check_name": "graph.contract-mismatch", "description": "FAIL partial › …",
///   "categories": ["Bug Risk"], "severity": "major", "fingerprint": "…",
///   "location": {"path": "cases/partial/x.yaml", "lines": {"begin": 88}}}]
/// ```
/// See https://docs.gitlab.com/ci/testing/code_quality/ ("Code Quality report format").
enum GitLabCodeQuality {
    static func render(_ report: RunReport) -> String {
        let areas = CaseArea.areas(of: report.suites.map(\.file))
        var issues: [JSONNode] = []
        for (index, suite) in report.suites.enumerated() {
            for item in suite.cases {
                guard let problem = item.outcome.problem else { continue }
                let failed = item.outcome.kind == "failed"
                let place = GitHubAnnotations.place(of: item, problem: problem, suiteFile: suite.file, workspace: nil)
                    ?? ReportLocation(file: suite.file, line: 1)
                let description = "\(failed ? "FAIL" : "ERROR") \(areas[index]) › \(item.name): "
                    + GitHubAnnotations.message(problem).split(whereSeparator: \.isNewline).joined(separator: "; ")
                issues.append(.object([
                    ("type", .string("issue")),
                    ("check_name", .string(problem.type)),
                    ("description", .string(TextCap.oneLine(description, maxCharacters: 1000))),
                    ("categories", .array([.string("Bug Risk")])),
                    // Failures break the contract; errors mean it could not be judged.
                    ("severity", .string(failed ? "major" : "minor")),
                    // Stable across runs for the same case and place, so GitLab can tell new from fixed.
                    ("fingerprint", .string(SHA256.hex([item.classname, item.name, place.file, problem.type].joined(separator: "\u{0}")))),
                    ("location", .object([
                        ("path", .string(place.file)),
                        ("lines", .object([("begin", .number(String(place.line ?? 1)))])),
                    ])),
                ]))
            }
        }
        return JSONNode.array(issues).rendered()
    }
}
