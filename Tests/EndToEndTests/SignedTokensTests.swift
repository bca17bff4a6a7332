import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// Servers that verify tokens (README): keys made by `openssl`, the suite's own `issuer`, a mock
/// started with `serve --verify-issuer`, and the whole catalogue run with signed tokens — then
/// with unsigned ones, which that mock must refuse, reported once as the cause.
@Suite(.serialized, .enabled(if: OpenSSLKeys.openssl != nil)) struct SignedTokensTests {
    static let wrongKeyCase = "PATCH with a token signed by the wrong key is rejected with 401 and a challenge"

    /// Starts a long-running subcommand and returns it once it has printed `lines` lines.
    static func start(_ arguments: [String], lines: Int = 1) throws -> (process: ChildProcess, output: [String]) {
        let child = try ChildProcess(arguments)
        let printed = { child.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
        if Readiness.wait(until: { printed().count >= lines || !child.process.isRunning }), printed().count >= lines {
            return (child, printed())
        }
        child.stop()
        throw ChildProcess.Failure(description: "\(arguments.first ?? "") printed fewer than \(lines) line(s): \(child.stderr.suffix(500))")
    }

    /// `start` for one line: the URL a server prints first.
    static func start(_ arguments: [String]) throws -> (process: ChildProcess, firstLine: String) {
        let (process, output) = try start(arguments, lines: 1)
        return (process, output[0])
    }

    static func testcase(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: "name=\"\(name)\"") else { return nil }
        let rest = xml[start.upperBound...]
        let end = rest.range(of: "</testcase>") ?? rest.range(of: "/>")
        return end.map { String(rest[..<$0.upperBound]) }
    }

    static func summary(_ stdout: String) -> String {
        stdout.split(separator: "\n").map(String.init).last { $0.contains(" passed, ") } ?? "no summary"
    }

    @Test(arguments: [OpenSSLKeys.Kind.rsaPKCS8, .ecPKCS8])
    func catalogueRunsSignedEndToEndAgainstAVerifyingServer(kind: OpenSSLKeys.Kind) async throws {
        let keyPath = try OpenSSLKeys.make(kind)
        let issuer = try Self.start(["issuer", "--port", "0", "--key", keyPath])
        defer { issuer.process.stop() }
        #expect(issuer.firstLine.hasPrefix("http://127.0.0.1:"), "issuer prints its URL first: \(issuer.firstLine)")
        let (server, baseURL) = try CLIProcess.startServer(["--verify-issuer", issuer.firstLine])
        defer { server.stop() }
        #expect(baseURL.hasSuffix("/beta"), "serve --verify-issuer fetched discovery and started: \(baseURL)")

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gc-signed-\(UUID().uuidString)")
        let junit = work.appendingPathComponent("junit.xml").path, json = work.appendingPathComponent("r.json").path
        let signed = try await CLIProcess.run(["run", "--base-url", baseURL, "--issuer", issuer.firstLine, "--signing-key", keyPath,
                                         "--junit", junit, "--json", json, "--quiet"])
        #expect(signed.status == 0, "signed catalogue: \(Self.summary(signed.stdout))\n\(signed.stdout.suffix(3000))\n\(signed.stderr.suffix(1000))")
        let xml = (try? String(contentsOfFile: junit, encoding: .utf8)) ?? ""
        let wrongKey = Self.testcase(Self.wrongKeyCase, in: xml)
        #expect(wrongKey != nil && wrongKey?.contains("<skipped") == false, "the wrong-key case ran: \(wrongKey ?? "absent")")
        #expect(!signed.stdout.contains("diagnosis:"))

        // The same verifying server, unsigned tokens: every authenticated case fails, said once.
        let unsigned = try await CLIProcess.run(["run", "--base-url", baseURL, "--mint-tokens", "--junit", junit, "--json", json])
        #expect([1, 3].contains(unsigned.status), "unsigned tokens must fail: \(Self.summary(unsigned.stdout))")
        #expect(Self.summary(unsigned.stdout).hasPrefix("0 passed, "), "nothing passes: \(Self.summary(unsigned.stdout))")
        let diagnoses = unsigned.stdout.split(separator: "\n").filter { $0.hasPrefix("diagnosis:") }
        #expect(diagnoses.count == 1, "one line says why: \(diagnoses)")
        #expect(diagnoses.first?.contains("got 401") == true && diagnoses.first?.contains("unsigned") == true)
        let report = (try? String(contentsOfFile: json, encoding: .utf8)) ?? ""
        #expect(report.contains("run.diagnosis"), "the diagnosis is a report property too")
    }

    /// With the embedded mock a signing option makes the mock verify against the run's key, so the
    /// signature defect is caught by exactly the wrong-key case.
    @Test func embeddedMockVerifiesWhenTheRunSigns() async throws {
        let keyPath = try OpenSSLKeys.make(.rsaPKCS1)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gc-embedded-signed-\(UUID().uuidString)")
        let junit = work.appendingPathComponent("junit.xml").path, json = work.appendingPathComponent("r.json").path
        let defective = try await CLIProcess.run(["run", "--signing-key", keyPath, "--mock-defect", "skips-signature-check", "--tag", "auth",
                                            "--junit", junit, "--json", json, "--quiet"])
        #expect(defective.status == 1, "the defect must be caught: \(Self.summary(defective.stdout))")
        let xml = (try? String(contentsOfFile: junit, encoding: .utf8)) ?? ""
        #expect(EndToEndTests.count("<failure", in: xml) == 1)
        #expect(Self.testcase(Self.wrongKeyCase, in: xml)?.contains("<failure") == true, "caught by the wrong-key case")

        let usage = try await CLIProcess.run(["run", "--issuer", "http://127.0.0.1:9"])
        #expect(usage.status == 2 && usage.stderr.contains("--issuer needs --signing-key"), "\(usage.stderr)")
    }

    @Test func issuerGeneratesAPrivateKeyFileWhenGivenNone() async throws {
        let (process, lines) = try Self.start(["issuer", "--port", "0"], lines: 2)
        defer { process.stop() }
        #expect(lines.first?.hasPrefix("http://127.0.0.1:") == true)
        let keyPath = try #require(lines.dropFirst().first?.replacingOccurrences(of: "signing-key: ", with: ""))
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let pem = try String(contentsOfFile: keyPath, encoding: .utf8)
        #expect(pem.contains("PRIVATE KEY"))
        #expect(!(lines.joined(separator: "\n") + process.stdout).contains(pem.split(separator: "\n")[1]), "the key itself is never printed")
    }
}
