import CaseModel
import Foundation
import Glibc
@testable import Runner
import TestSupport
import Testing

/// The built `graph-conformance` binary as CI runs it: secrets must never reach its output or its
/// reports, and an interrupted run must still leave a valid report behind.
extension Robustness {
@Suite(.serialized, .timeLimit(.minutes(10))) struct CLITests {
    // MARK: Running the binary

    static var executable: URL { BuiltProduct.executable }

    /// A started child with its output drained in the background (the shared runner).
    typealias Child = ChildProcess

    /// `graph-conformance serve --port 0 …`, with the base URL it prints first.
    static func startServer(_ extra: [String] = []) throws -> (Child, String) {
        try ChildProcess.startServer(extra)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Waits for a readiness signal; a hang becomes a failure naming `what`.
    static func waitUntil(_ what: String, _ condition: @escaping @Sendable () -> Bool) async throws {
        guard await Readiness.wait(until: condition) else {
            Issue.record("gave up waiting: \(what)")
            throw ChildProcess.Failure(description: "gave up waiting: \(what)")
        }
    }

    // MARK: Help

    /// `--help` is a "parse error" that must exit 0 with the help on stdout, for the root command
    /// and a subcommand alike (it once printed ArgumentParser's raw `CommandError` instead).
    @Test(arguments: [["--help"], ["serve", "--help"], ["run", "--help"], ["help", "explore"]])
    func helpIsPrintedAndExitsZero(arguments: [String]) async throws {
        let result = try await offPool { try ChildProcess.run(arguments, timeout: 120) }
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"), "stdout: \(result.stdout.prefix(300))")
        #expect(!result.stdout.contains("CommandError") && !result.stderr.contains("CommandError"))
        if arguments.first == "serve" { #expect(result.stdout.contains("--latency")) }
    }

    // MARK: Secrets

    /// Real (unsigned) tokens for every principal come in through environment variables; one
    /// principal's token command fails after printing a secret. Nothing secret may appear on
    /// stdout, stderr, in the JUnit XML or the JSON report — even with --verbose and failing cases
    /// whose transcripts are printed — and the failing principal's cases are skipped, not failed.
    @Test func tokensNeverReachOutputOrReports() async throws {
        let (server, baseURL) = try Self.startServer(["--defect", "patch-server-error"])
        defer { _ = server.wait(timeout: 0) }
        let work = try Harness.temporaryDirectory("secrets")
        let target = Harness.suite.target
        let minter = TokenMinter()
        var environment: [String: String] = [:]
        var tokens: [String: String] = [:]
        var targetText = try String(contentsOfFile: Harness.repoRoot.appendingPathComponent("cases/targets/embedded.yaml").path, encoding: .utf8)
        targetText = targetText.replacingOccurrences(of: "baseUrl: embedded", with: "baseUrl: \(baseURL)")
        for (name, principal) in target.principals where name != "readOnly" {
            let token = minter.mint(for: principal, in: target)
            tokens[name] = token
            environment["GC_TEST_TOKEN_\(name.uppercased())"] = token
        }
        var lines: [String] = []
        for line in targetText.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            if let name = target.principals.keys.first(where: { line.hasPrefix("  \($0):") }) {
                let source = name == "readOnly" ? #"{command: "echo SECRETXYZ; echo SECRETXYZ >&2; exit 3"}"# : "{env: GC_TEST_TOKEN_\(name.uppercased())}"
                line = line.replacingOccurrences(of: "{mint: true}", with: source)
            }
            lines.append(line)
        }
        let targetPath = work.appendingPathComponent("target.yaml").path
        try lines.joined(separator: "\n").write(toFile: targetPath, atomically: true, encoding: .utf8)
        #expect(Self.count("GC_TEST_TOKEN_", in: lines.joined()) == target.principals.count - 1 && lines.joined().contains("SECRETXYZ"))

        let junit = work.appendingPathComponent("junit.xml").path, json = work.appendingPathComponent("report.json").path
        let run = try Child(["run", "--target", targetPath, "--junit", junit, "--json", json, "--verbose", "--jobs", "4"], environment: environment)
        let status = await offPool { run.wait(timeout: 90) }
        let xml = (try? String(contentsOfFile: junit, encoding: .utf8)) ?? ""
        let report = (try? String(contentsOfFile: json, encoding: .utf8)) ?? ""
        #expect(status == 1, "PATCH answers 500, so the run fails on the contract: \(status.map(String.init) ?? "killed")\n\(run.stderr.suffix(2000))")
        #expect(xml.contains("<failure") && xml.contains("got 500"), "failures (with transcripts) must be in the report")
        #expect(run.stdout.contains("got 500"), "--verbose prints failing transcripts")

        let outputs = ["stdout": run.stdout, "stderr": run.stderr, "junit.xml": xml, "report.json": report]
        for (name, token) in tokens {
            let payload = String(token.split(separator: ".")[1])
            for (where_, text) in outputs {
                #expect(!text.contains(token), "\(name)'s token appears in \(where_)")
                #expect(!text.contains(payload), "\(name)'s token payload appears in \(where_)")
                #expect(!text.contains(String(payload.suffix(24))), "the tail of \(name)'s token payload appears in \(where_)")
            }
        }
        for (where_, text) in outputs {
            #expect(!text.contains("SECRETXYZ"), "the failing token command's output appears in \(where_)")
        }
        #expect(run.stderr.contains("readOnly") && run.stderr.contains("exited with status 3"), "the token failure is reported: \(run.stderr.prefix(1500))")

        // readOnly's cases are skipped with the reason; none of them failed or errored.
        let skipped = Self.count("no token for principal &apos;readOnly&apos;", in: xml) + Self.count("no token for principal 'readOnly'", in: xml)
        #expect(skipped > 0, "readOnly's cases must be skipped with the reason")
        let sent = server.stdout + server.stderr
        #expect(!sent.contains("SECRETXYZ"))
        if Harness.xmllint != nil {
            #expect(try Harness.schemaProblems(ofFile: junit) == nil)
        }
    }


    /// A cases folder (the real contract, linked) holding one case file, and a target naming the
    /// scripted server with a minted readWrite token.
    static func workspace(_ label: String, server: ScriptedServer, yaml: String) throws -> (URL, URL, String) {
        let work = try Harness.temporaryDirectory(label)
        let cases = work.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: cases.appendingPathComponent("contract"), withDestinationURL: Harness.repoRoot.appendingPathComponent("cases/contract"))
        try yaml.write(to: cases.appendingPathComponent("\(label).yaml"), atomically: true, encoding: .utf8)
        let targetPath = work.appendingPathComponent("target.yaml").path
        try """
            name: scripted
            baseUrl: \(server.baseURL)
            users:
              adele: {id: 8b0c6f3e-2d4a-4c1e-9f7a-1a2b3c4d5e6f, upn: AdeleV@contoso.example, name: Adele Vance}
            principals:
              readWrite: {user: adele, scp: User.ReadWrite, token: {mint: true}}
            """.write(toFile: targetPath, atomically: true, encoding: .utf8)
        return (work, cases, targetPath)
    }

    /// Peak RSS (VmHWM, KiB) of a CLI run, sampled from /proc until it exits, and its exit status.
    static func peakMemory(_ arguments: [String]) throws -> (kib: Int, status: Int32?, child: Child) {
        let child = try Child(arguments)
        let path = "/proc/\(child.process.processIdentifier)/status"
        var peak = 0
        let deadline = Date().addingTimeInterval(60)
        while child.process.isRunning, Date() < deadline {
            if let status = try? String(contentsOfFile: path, encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let value = Int(line.split(separator: " ").dropFirst().first ?? "")
            {
                peak = max(peak, value)
            }
            usleep(2_000)
        }
        return (peak, child.wait(timeout: 5), child)
    }

    /// The CLI receiving a 64 MiB body keeps only a bounded prefix: its peak memory is within
    /// 40 MiB of the same run receiving a tiny body (buffering the body would add at least 64 MiB).
    @Test func hugeBodyDoesNotBlowMemory() async throws {
        let server = try ScriptedServer { request in
            request.path == "/huge" ? .hugeBody(bytes: 64 << 20)
                : .respond(status: 200, headers: [("Content-Type", "application/octet-stream")], body: Array(repeating: 0x61, count: 100))
        }
        defer { server.stop() }
        let yaml = """
            suite: huge
            cases:
              - {name: small, steps: [{method: GET, path: /small, expect: {status: 200, json: {ok: true}}}]}
              - {name: huge, steps: [{method: GET, path: /huge, expect: {status: 200, json: {ok: true}}}]}
            """
        let (work, cases, targetPath) = try Self.workspace("huge", server: server, yaml: yaml)
        let run: @Sendable (String) throws -> (kib: Int, status: Int32?, child: Child) = { name in
            try Self.peakMemory(["run", "--cases", cases.path, "--target", targetPath, "--case", name, "--jobs", "1",
                                 "--junit", work.appendingPathComponent("\(name).xml").path, "--json", work.appendingPathComponent("\(name).json").path])
        }
        let small = try await offPool { try run("small") }
        let huge = try await offPool { try run("huge") }
        #expect(small.status == 1 && huge.status == 1, "both fail on the body: \(small.status.map(String.init) ?? "killed"), \(huge.status.map(String.init) ?? "killed")\n\(huge.child.stderr)")
        #expect(small.kib > 0 && huge.kib > 0)
        #expect(huge.kib - small.kib < 40 * 1024, "peak RSS \(huge.kib) KiB with a 64 MiB body vs \(small.kib) KiB with 100 bytes")
        let xml = try String(contentsOfFile: work.appendingPathComponent("huge.xml").path, encoding: .utf8)
        #expect(xml.contains("body cut at"), "\(xml.prefix(2000))")
        #expect(xml.utf8.count < 256 * 1024)
    }

    // MARK: Interruption

    /// KNOWN ISSUE: SIGINT does not abort a transfer in flight. Against a target that accepts and
    /// never answers, the run stops only when that request times out (here --timeout 6), and a
    /// second signal (CI cancellation sends SIGINT, then SIGTERM a few seconds later) exits at once
    /// without writing any report. Passes while the issue persists; fails once it is fixed, so
    /// the known-issue wrapper can then be dropped.
    /// SIGINT stops a request that is waiting on a silent server at once (curl's progress hook),
    /// and SIGINT then SIGTERM — how CI runners cancel — still leaves a report.
    @Test func sigintAgainstAHangingTargetStopsAtOnceAndKeepsTheReport() async throws {
        let hang = try ScriptedServer(.acceptAndHang)
        defer { hang.stop() }
        let yaml = "suite: hang\ncases:\n  - {name: a, steps: [{method: GET, path: /a}]}\n  - {name: b, steps: [{method: GET, path: /b}]}\n"
        let (work, cases, targetPath) = try Self.workspace("hang", server: hang, yaml: yaml)
        let junit = work.appendingPathComponent("junit.xml").path
        let arguments = ["run", "--cases", cases.path, "--target", targetPath, "--jobs", "1", "--timeout", "120",
                         "--case-deadline", "150", "--junit", junit, "--json", work.appendingPathComponent("report.json").path]

        // One SIGINT once the request is in flight: it is abandoned and the report written, long
        // before the 120 s timeout (the bound below is a hang guard that still tells the two apart).
        let once = try Child(arguments)
        try await Self.waitUntil("the hanging server holds a request") { hang.requests.count >= 1 }
        let signalled = Date()
        once.process.interrupt()
        let status = await offPool { once.wait(timeout: 60) }
        let seconds = Date().timeIntervalSince(signalled)
        #expect(status == 130 || status == 3, "\(status.map(String.init) ?? "killed"): \(once.stderr)")
        #expect(FileManager.default.fileExists(atPath: junit))
        #expect(seconds < 30, "stopped \(seconds) s after SIGINT")
        let xml = (try? String(contentsOfFile: junit, encoding: .utf8)) ?? ""
        #expect(xml.contains("run.interrupted"), "the abandoned case is reported as interrupted")

        // SIGINT then SIGTERM, as CI runners cancel: the report is still written. The second signal
        // follows once the CLI has said it is stopping, i.e. while it winds down.
        try? FileManager.default.removeItem(atPath: junit)
        let twice = try Child(arguments)
        try await Self.waitUntil("the hanging server holds a second request") { hang.requests.count >= 2 }
        twice.process.interrupt()
        try await Self.waitUntil("the CLI reports the interruption") { twice.stderr.contains("interrupt") || !twice.process.isRunning }
        twice.process.terminate()
        #expect(await offPool { twice.wait(timeout: 60) } == 130)
        #expect(FileManager.default.fileExists(atPath: junit), "no JUnit report after SIGINT + SIGTERM")
    }


    /// SIGINT one second into a run against a slow server: the process exits 130, and the report
    /// exists, validates, and lists the cases that never ran as errors saying they were interrupted.
    @Test func sigintLeavesAValidReport() async throws {
        let slow = try ScriptedServer { _ in
            usleep(1_000_000)
            return .respond(status: 200, headers: [("Content-Type", "application/json")], body: Array(#"{"ok":true}"#.utf8))
        }
        defer { slow.stop() }
        var yaml = "suite: slow\ncases:\n"
        for index in 0..<30 { yaml += "  - {name: slow \(index), steps: [{method: GET, path: /slow/\(index), expect: {status: 200, json: {ok: true}}}]}\n" }
        let (work, cases, targetPath) = try Self.workspace("sigint", server: slow, yaml: yaml)
        let junit = work.appendingPathComponent("reports/junit.xml").path
        let run = try Child(["run", "--cases", cases.path, "--target", targetPath, "--jobs", "2",
                             "--junit", junit, "--json", work.appendingPathComponent("reports/report.json").path])
        // Signal once both workers have a request in flight.
        try await Self.waitUntil("two requests reach the slow server") { slow.requests.count >= 2 }
        #expect(run.process.isRunning, "the run ended before the signal: \(run.stderr)")
        let signalled = Date()
        run.process.interrupt()
        let status = await offPool { run.wait(timeout: 60) }
        let exitSeconds = Date().timeIntervalSince(signalled)
        #expect(status == 130, "exit status \(status.map(String.init) ?? "none (killed)")\nstderr: \(run.stderr)")
        // Hang guard; the counts below are the sharp check that the other cases did not run.
        #expect(exitSeconds < 30, "took \(exitSeconds) s to stop after SIGINT")
        #expect(run.stderr.contains("interrupted"))

        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(Self.count("<testcase ", in: xml) == 30, "every planned case is in the report")
        let interrupted = Self.count("type=\"run.interrupted\"", in: xml)
        #expect(interrupted >= 15, "\(interrupted) cases reported as interrupted\n\(xml.prefix(3000))")
        #expect(Self.count("<error ", in: xml) == interrupted)
        #expect(xml.contains("interrupted before this case started"))
        #expect(slow.requests.count < 30)
        if Harness.xmllint != nil {
            #expect(try Harness.schemaProblems(ofFile: junit) == nil)
        }
    }
}

}
