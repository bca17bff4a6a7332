import Foundation
import TestSupport
import Testing

/// The product as a user runs it: the built binary, real sockets, real files.
@Suite(.serialized) struct EndToEndTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// `graph-conformance` with no arguments: embedded mock, whole catalogue, reports/junit.xml.
    @Test func noArgumentsRunsTheCatalogueAgainstTheEmbeddedMock() async throws {
        let work = try temporaryDirectory()
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("cases"), withDestinationURL: CLIProcess.repoRoot.appendingPathComponent("cases"))
        let result = try await CLIProcess.run([], in: work)
        #expect(result.status == 0, "stderr: \(result.stderr)\nstdout tail: \(result.stdout.suffix(3000))")

        let listed = try await CLIProcess.run(["run", "--list"])
        let caseCount = Int(listed.stdout.split(separator: "\n").last?.split(separator: " ").first ?? "") ?? -1
        #expect(caseCount > 20)

        let summary = result.stdout.split(separator: "\n").map(String.init).last { $0.contains(" passed, ") }
        #expect(summary?.hasPrefix("\(caseCount - Self.skippedCount(result.stdout)) passed, 0 failed") == true, "summary: \(summary ?? "none")")

        let junit = work.appendingPathComponent("reports/junit.xml")
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(Self.count("<testcase ", in: xml) == caseCount)
        #expect(!xml.contains("<failure"))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("reports/report.json").path))
        if SchemaCheck.xmllintAvailable {
            #expect(try SchemaCheck.problems(in: junit.path) == nil)
        }
    }

    static func skippedCount(_ stdout: String) -> Int {
        guard let line = stdout.split(separator: "\n").last(where: { $0.contains(" passed, ") }),
            let range = line.range(of: #"(\d+) skipped"#, options: .regularExpression)
        else { return 0 }
        return Int(line[range].split(separator: " ").first ?? "") ?? 0
    }

    /// `run --base-url` against a separately started `serve`, minting tokens itself.
    @Test func runAgainstASeparatelyStartedServer() async throws {
        let (server, baseURL) = try CLIProcess.startServer()
        defer { server.stop() }
        #expect(baseURL.hasPrefix("http://127.0.0.1:") && baseURL.hasSuffix("/beta"))
        let work = try temporaryDirectory()
        let junit = work.appendingPathComponent("junit.xml").path
        let result = try await CLIProcess.run(["run", "--base-url", baseURL, "--mint-tokens", "--junit", junit,
                                         "--json", work.appendingPathComponent("r.json").path, "--tag", "partial-body"])
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout.suffix(2000))")
        let xml = try String(contentsOf: URL(fileURLWithPath: junit), encoding: .utf8)
        #expect(xml.contains(baseURL), "the target's base URL is a report property")
        #expect(Self.count("<testcase ", in: xml) >= 7)
    }

    /// A server whose PATCH answers 500 must fail the run with exit 1, naming the failing cases.
    @Test func aServerThatBreaksPatchFailsTheRun() async throws {
        let (server, baseURL) = try CLIProcess.startServer(["--defect", "patch-server-error"])
        defer { server.stop() }
        let work = try temporaryDirectory()
        let junit = work.appendingPathComponent("junit.xml").path
        let result = try await CLIProcess.run(["run", "--base-url", baseURL, "--mint-tokens", "--junit", junit,
                                         "--json", work.appendingPathComponent("r.json").path, "--tag", "partial-body"])
        #expect(result.status == 1, "\(result.stderr)")
        let xml = try String(contentsOf: URL(fileURLWithPath: junit), encoding: .utf8)
        #expect(xml.contains("<failure"))
        #expect(xml.contains("got 500"))
        if SchemaCheck.xmllintAvailable {
            #expect(try SchemaCheck.problems(in: junit) == nil)
        }
    }

    /// Broken case files: every problem as file:line:col, exit 2, nothing sent.
    @Test func lintReportsBrokenFilesWithLocationsAndExitsTwo() async throws {
        let fixtures = CLIProcess.repoRoot.appendingPathComponent("Tests/CaseModelTests/Fixtures/broken").path
        let result = try await CLIProcess.run(["lint", fixtures + "/unknown-keys.yaml", fixtures + "/unknown-references.yaml"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("unknown-keys.yaml:5:9: error: unknown key 'methd' in a step; did you mean 'method'?"), "\(result.stdout)")
        #expect(result.stdout.contains("unknown-references.yaml:"))
        let clean = try await CLIProcess.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)\n\(clean.stderr)")
    }

    /// A run whose case files are broken sends nothing and exits 2.
    @Test func brokenCasesStopTheRunBeforeAnythingIsSent() async throws {
        let work = try temporaryDirectory()
        let fixtures = CLIProcess.repoRoot.appendingPathComponent("Tests/CaseModelTests/Fixtures/broken/unknown-keys.yaml").path
        let result = try await CLIProcess.run(["run", fixtures, "--junit", work.appendingPathComponent("j.xml").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothing was sent"))
    }

    /// What an interrupted run leaves behind is removed by `cleanup`, and nothing else is.
    @Test func cleanupRemovesOnlyMarkedLeftovers() async throws {
        let (server, baseURL) = try CLIProcess.startServer()
        defer { server.stop() }
        let work = try temporaryDirectory()
        let fixtures = CLIProcess.repoRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path
        let common = ["--base-url", baseURL, "--mint-tokens", "--junit", work.appendingPathComponent("j.xml").path,
                      "--json", work.appendingPathComponent("r.json").path]
        let leave = try await CLIProcess.run(["run", fixtures + "/leftovers.yaml"] + common)
        #expect(leave.status == 0, "\(leave.stdout)\n\(leave.stderr)")
        let dry = try await CLIProcess.run(["cleanup", "--base-url", baseURL, "--mint-tokens", "--dry-run"])
        #expect(dry.stdout.contains("0 deleted, 0 left, 2 found"), "\(dry.stdout)\n\(dry.stderr)")
        let cleanup = try await CLIProcess.run(["cleanup", "--base-url", baseURL, "--mint-tokens"])
        #expect(cleanup.status == 0, "\(cleanup.stdout)\n\(cleanup.stderr)")
        #expect(cleanup.stdout.contains("cleanup: 2 deleted, 0 left, 2 found"), "\(cleanup.stdout)")
        let check = try await CLIProcess.run(["run", fixtures + "/after-cleanup.yaml"] + common)
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
    }

    /// TLS is verified by default (an unknown CA is a could-not-run error), `--cacert` trusts a
    /// test CA, and `--insecure` works but is written into the report.
    @Test(.enabled(if: TLSFixture.opensslPath != nil, "needs openssl"))
    func tlsIsVerifiedUnlessToldOtherwise() async throws {
        let tls = try TLSFixture()
        let work = try temporaryDirectory()
        let fixture = CLIProcess.repoRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/tls.yaml").path
        func run(_ extra: [String]) async throws -> (CLIProcess.Result, String) {
            let junit = work.appendingPathComponent("\(UUID().uuidString).xml").path
            let result = try await CLIProcess.run(["run", fixture, "--base-url", tls.baseURL, "--mint-tokens", "--junit", junit,
                                             "--json", junit + ".json"] + extra, timeout: 60)
            return (result, (try? String(contentsOfFile: junit, encoding: .utf8)) ?? "")
        }
        let (unverified, unverifiedXML) = try await run([])
        #expect(unverified.status == 3, "\(unverified.stdout)\n\(unverified.stderr)")
        #expect(unverifiedXML.contains("transport.tls"))
        let (trusted, trustedXML) = try await run(["--cacert", tls.caPath])
        #expect(trusted.status == 0, "\(trusted.stdout)\n\(trusted.stderr)")
        #expect(trustedXML.contains("name=\"tls.verify\" value=\"on\""))
        let (insecure, insecureXML) = try await run(["--insecure"])
        #expect(insecure.status == 0)
        #expect(insecureXML.contains("off (--insecure)"), "the report says verification was off")
    }

    /// The catalogue passes on the clean mock and catches every built-in defect.
    @Test func selftestCatchesEveryDefect() async throws {
        let work = try temporaryDirectory()
        // A hang guard, not a speed target: 85 catalogue runs take ~260 s of CPU and 7–10
        // minutes on a loaded 2-core machine running the rest of `swift test` beside it.
        let result = try await CLIProcess.run(["selftest", "--matrix", work.appendingPathComponent("m.md").path], timeout: 1500)
        let verdict = result.stdout.split(separator: "\n").last { $0.hasPrefix("selftest: ") }.map(String.init) ?? "none"
        #expect(result.status == 0, "\(verdict)\n\(result.stdout.suffix(4000))\n\(result.stderr.suffix(2000))")
        #expect(verdict.hasSuffix("defects, 0 false failures"))
        let numbers = verdict.split(separator: " ")[2].split(separator: "/")
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && (Int(numbers[1]) ?? 0) >= 20, "\(verdict)")
    }
}
