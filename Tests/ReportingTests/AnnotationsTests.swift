import Foundation
@testable import Reporting
import Testing

/// CI annotations: GitHub workflow commands that land on case-file lines, the job summary, and
/// GitLab's code-quality file; all from the same prepared (redacted) report.
@Suite struct AnnotationsTests {
    static let prepared = ReportPreparer.prepare(HTMLFixtures.showcase)

    @Test func oneErrorCommandPerFailedOrErroredCaseOnItsLine() {
        let commands = GitHubAnnotations.commands(Self.prepared)
        #expect(commands.count == 4)
        #expect(commands[0].hasPrefix(
            "::error file=cases/preservation/partial-patch.yaml,line=55,col=5,title=FAIL preservation › PATCH isCurrent alone keeps every other property::"))
        #expect(commands[0].contains("%0A/detail/jobTitle: expected \"Staff Engineer\" (unchanged since snapshot 'before'), got \"Engineer\"%0A"))
        #expect(commands[3].hasPrefix("::error file=cases/partial/settable-properties.yaml,line=120,col=5,title=ERROR partial › PATCH with a body the server cannot read::timed out after 15 s"))
        #expect(commands.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
    }

    @Test(arguments: [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),
    ])
    func escapingFollowsTheRunnersRules(_ raw: String, _ data: String, _ property: String) {
        #expect(GitHubAnnotations.escapeData(raw) == data)
        #expect(GitHubAnnotations.escapeProperty(raw) == property)
    }

    /// A server cannot end the annotation line and start a command of its own.
    @Test func serverTextCannotStartACommand() {
        let problem = Problem(type: "graph.x", message: "got \"\n::add-mask::x\r\n::warning::y\"", detail: "")
        let item = CaseReport(classname: "c", name: "n,a:me\n::x", time: 0, outcome: .failed(problem), location: "cases/a/b.yaml:3:4")
        let commands = GitHubAnnotations.commands(Fixtures.run([Fixtures.suite("s", "cases/a/b.yaml", [item])]))
        #expect(commands.count == 1)
        #expect(commands[0].hasPrefix("::error file=cases/a/b.yaml,line=3,col=4,title=FAIL a › n%2Ca%3Ame%0A%3A%3Ax::"))
        #expect(!commands[0].contains("\n"))
    }

    @Test func locationFallsBackToMismatchThenSuiteFileAndDropsTheWorkspace() {
        let problem = Problem(type: "t", message: "m", detail: "d", mismatches: [
            Mismatch(pointer: "/a", expected: "1", actual: "2", location: "/w/repo/cases/x/y.yaml:9:2")])
        let item = CaseReport(classname: "c", name: "n", time: 0, outcome: .failed(problem))
        #expect(GitHubAnnotations.place(of: item, problem: problem, suiteFile: "cases/x/y.yaml", workspace: "/w/repo")
            == ReportLocation(file: "cases/x/y.yaml", line: 9, column: 2))
        let bare = CaseReport(classname: "c", name: "n", time: 0, outcome: .failed(Problem(type: "t", message: "m", detail: "d")))
        #expect(GitHubAnnotations.place(of: bare, problem: Problem(type: "t", message: "m", detail: "d"), suiteFile: "cases/x/y.yaml", workspace: nil)
            == ReportLocation(file: "cases/x/y.yaml", line: 1))
    }

    @Test(arguments: [
        ("cases/a.yaml:12:5", ReportLocation(file: "cases/a.yaml", line: 12, column: 5)),
        ("cases/a.yaml:12", ReportLocation(file: "cases/a.yaml", line: 12, column: nil)),
        ("cases/a.yaml", ReportLocation(file: "cases/a.yaml", line: nil, column: nil)),
        ("C:/x/a.yaml:3:1", ReportLocation(file: "C:/x/a.yaml", line: 3, column: 1)),
    ])
    func locationsSplitIntoFileLineColumn(_ text: String, _ expected: ReportLocation) {
        #expect(ReportLocation(text) == expected)
    }

    @Test func summaryIsMarkdownWithEveryServerCharacterInert() {
        let markdown = GitHubStepSummary.markdown(Self.prepared, htmlPath: "reports/report.html")
        #expect(markdown.hasPrefix("## graph\\-conformance: FAILED\n"))
        #expect(markdown.contains("**6** tests · **1** passed · **3** failed · **1** errors · **1** skipped"))
        #expect(markdown.contains("| preservation | 2 | 1 | 1 | 0 | 0 |"))
        #expect(markdown.contains("- **FAIL** preservation › PATCH isCurrent alone keeps every other property — `cases/preservation/partial-patch.yaml:55:5`"))
        #expect(markdown.contains("  - `/detail/jobTitle`: expected `\"Staff Engineer\" (unchanged since snapshot 'before')`, got `\"Engineer\"`"))
        // The hostile body only ever appears inside a code span.
        for line in markdown.split(separator: "\n") where line.contains("<script>") {
            #expect(line.contains("`<script>") || line.contains("`{\"error\""), "\(line)")
        }
        #expect(MarkdownText.text("<b>|[x](y)") == "&lt;b&gt;\\|\\[x\\]\\(y\\)")
        #expect(MarkdownText.code("a `b` c") == "``a `b` c``")
        #expect(markdown.contains("Full report: `reports/report.html`"))
    }

    @Test func gitLabCodeQualityIsOneIssuePerProblemPinnedToItsLine() throws {
        let text = GitLabCodeQuality.render(Self.prepared)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(issues.count == 4)
        let first = issues[0]
        #expect(first["check_name"] as? String == "graph.contract-mismatch")
        #expect(first["severity"] as? String == "major")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["path"] as? String == "cases/preservation/partial-patch.yaml")
        #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 55)
        #expect(issues[3]["severity"] as? String == "minor")
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == 4 && fingerprints.allSatisfy { $0.count == 64 })
        #expect(GitLabCodeQuality.render(Self.prepared) == text, "stable across renders")
    }

    @Test(arguments: [
        (AnnotationFormat.auto, ["GITHUB_ACTIONS": "true"], AnnotationFormat.github),
        (.auto, ["GITLAB_CI": "true"], .gitlab),
        (.auto, [:], .none),
        (.auto, ["GITHUB_ACTIONS": "false"], .none),
        (.none, ["GITHUB_ACTIONS": "true"], .none),
        (.github, [:], .github),
    ])
    func autoFollowsTheEnvironment(_ format: AnnotationFormat, _ environment: [String: String], _ resolved: AnnotationFormat) {
        #expect(format.resolved(environment: environment) == resolved)
    }

    /// The summary file belongs to the whole job: earlier steps' text stays.
    @Test func publishAppendsToTheJobSummaryAndRedacts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.md").path
        try Data("earlier step\n".utf8).write(to: URL(fileURLWithPath: summary))
        let publication = try CIAnnotations.publish(
            HTMLFixtures.showcase, format: .auto, environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary],
            secrets: [], codeQualityPath: folder.appendingPathComponent("cq.json").path)
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n## graph\\-conformance: FAILED"))
        #expect(publication.commands.count == 4)
        #expect(!(text + publication.commands.joined()).contains(Fixtures.jwt))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cq.json").path))
        let none = try CIAnnotations.publish(HTMLFixtures.showcase, format: .none, environment: ["GITHUB_ACTIONS": "true"],
                                             secrets: [], codeQualityPath: folder.appendingPathComponent("cq.json").path)
        #expect(none.commands.isEmpty && none.files.isEmpty)
    }
}
