import Foundation
import Testing

/// `run --report html`, `--html` and `--annotations` as a user runs them: the built binary
/// against the embedded mock with a defect, so real cases fail with real pointers.
@Suite struct HTMLReportEndToEndTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gc-e2e-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func reportHTMLWritesThePageBesideJUnitAndAnnotatesUnderGitHubActions() async throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let summary = work.appendingPathComponent("summary.md").path
        let result = try await CLIProcess.run(
            ["run", "--mock-defect", "patch-replaces-entity", "--tag", "preservation", "--quiet", "--report", "html",
             "--junit", work.appendingPathComponent("out/junit.xml").path, "--json", work.appendingPathComponent("out/r.json").path],
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary, "GITLAB_CI": ""])
        #expect(result.status == 1, "\(result.stderr)")
        let page = try String(contentsOf: work.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(page.contains("id=\"verdict\">FAILED</span>"))
        #expect(page.contains("<a href=\"#area=preservation\" data-area=\"preservation\">"))
        #expect(page.contains("<article class=\"case failed\""))
        #expect(page.contains("data-tags=\"preservation"))
        let commands = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(!commands.isEmpty)
        #expect(commands.allSatisfy { $0.hasPrefix("::error file=cases/preservation/") && $0.contains(",line=") })
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.hasPrefix("## graph\\-conformance: FAILED"))
        #expect(markdown.contains("| preservation |"))
    }

    @Test func annotationsNoneIsSilentAndHTMLGoesWhereItIsTold() async throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let page = work.appendingPathComponent("elsewhere/page.html")
        let result = try await CLIProcess.run(
            ["run", "--tag", "auth", "--quiet", "--annotations", "none", "--html", page.path,
             "--junit", work.appendingPathComponent("junit.xml").path, "--json", work.appendingPathComponent("r.json").path],
            environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("::error"))
        #expect(try String(contentsOf: page, encoding: .utf8).contains("id=\"verdict\">PASSED</span>"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("report.html").path))
    }

    /// The target file can ask for the page too; a misspelt report is a located error.
    @Test func targetFileReportsKeyAsksForThePage() async throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let embedded = try String(contentsOf: CLIProcess.repoRoot.appendingPathComponent("cases/targets/embedded.yaml"), encoding: .utf8)
        let target = work.appendingPathComponent("target.yaml")
        try Data((embedded + "reports: [html]\n").utf8).write(to: target)
        let junit = work.appendingPathComponent("junit.xml").path
        let result = try await CLIProcess.run(["run", "--tag", "auth", "--quiet", "--annotations", "none", "--target", target.path,
                                         "--junit", junit, "--json", work.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("report.html").path))

        let lines = embedded.split(separator: "\n", omittingEmptySubsequences: false).count
        try Data((embedded + "reports: [htm]\n").utf8).write(to: target)
        let bad = try await CLIProcess.run(["run", "--tag", "auth", "--target", target.path, "--junit", junit])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(target.path):\(lines):"), "\(bad.stderr)")
        #expect(bad.stderr.contains("unknown report 'htm'"))
    }
}
