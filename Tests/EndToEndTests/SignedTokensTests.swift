import Foundation
import TestSupport
import Testing

/// Servers that verify tokens (README): keys made by `openssl`, the suite's own `issuer`, a mock
/// started with `serve --verify-issuer`, and the whole catalogue run with signed tokens — then
/// with unsigned ones, which that mock must refuse, reported once as the cause.
@Suite(.serialized, .enabled(if: OpenSSLKeys.openssl != nil)) struct SignedTokensTests {
    static let wrongKeyCase = "PATCH with a token signed by the wrong key is rejected with 401 and a challenge"

    /// Starts a long-running subcommand and returns it with the first line it printed.
    static func start(_ arguments: [String]) throws -> (process: Process, firstLine: String) {
        let process = Process()
        process.executableURL = CLIProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLIProcess.repoRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        return (process, String(decoding: line, as: UTF8.self))
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
    func catalogueRunsSignedEndToEndAgainstAVerifyingServer(kind: OpenSSLKeys.Kind) throws {
        let keyPath = try OpenSSLKeys.make(kind)
        let issuer = try Self.start(["issuer", "--port", "0", "--key", keyPath])
        defer { issuer.process.stop() }
        #expect(issuer.firstLine.hasPrefix("http://127.0.0.1:"), "issuer prints its URL first: \(issuer.firstLine)")
        let (server, baseURL) = try CLIProcess.startServer(["--verify-issuer", issuer.firstLine])
        defer { server.stop() }
        #expect(baseURL.hasSuffix("/beta"), "serve --verify-issuer fetched discovery and started: \(baseURL)")

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gc-signed-\(UUID().uuidString)")
        let junit = work.appendingPathComponent("junit.xml").path, json = work.appendingPathComponent("r.json").path
        let signed = try CLIProcess.run(["run", "--base-url", baseURL, "--issuer", issuer.firstLine, "--signing-key", keyPath,
                                         "--junit", junit, "--json", json, "--quiet"])
        #expect(signed.status == 0, "signed catalogue: \(Self.summary(signed.stdout))\n\(signed.stdout.suffix(3000))\n\(signed.stderr.suffix(1000))")
        let xml = (try? String(contentsOfFile: junit, encoding: .utf8)) ?? ""
        let wrongKey = Self.testcase(Self.wrongKeyCase, in: xml)
        #expect(wrongKey != nil && wrongKey?.contains("<skipped") == false, "the wrong-key case ran: \(wrongKey ?? "absent")")
        #expect(!signed.stdout.contains("diagnosis:"))

        // The same verifying server, unsigned tokens: every authenticated case fails, said once.
        let unsigned = try CLIProcess.run(["run", "--base-url", baseURL, "--mint-tokens", "--junit", junit, "--json", json])
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
    @Test func embeddedMockVerifiesWhenTheRunSigns() throws {
        let keyPath = try OpenSSLKeys.make(.rsaPKCS1)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gc-embedded-signed-\(UUID().uuidString)")
        let junit = work.appendingPathComponent("junit.xml").path, json = work.appendingPathComponent("r.json").path
        let defective = try CLIProcess.run(["run", "--signing-key", keyPath, "--mock-defect", "skips-signature-check", "--tag", "auth",
                                            "--junit", junit, "--json", json, "--quiet"])
        #expect(defective.status == 1, "the defect must be caught: \(Self.summary(defective.stdout))")
        let xml = (try? String(contentsOfFile: junit, encoding: .utf8)) ?? ""
        #expect(EndToEndTests.count("<failure", in: xml) == 1)
        #expect(Self.testcase(Self.wrongKeyCase, in: xml)?.contains("<failure") == true, "caught by the wrong-key case")

        let usage = try CLIProcess.run(["run", "--issuer", "http://127.0.0.1:9"])
        #expect(usage.status == 2 && usage.stderr.contains("--issuer needs --signing-key"), "\(usage.stderr)")
    }

    @Test func issuerGeneratesAPrivateKeyFileWhenGivenNone() throws {
        let process = Process()
        process.executableURL = CLIProcess.executable
        process.arguments = ["issuer", "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.stop() }
        var text = ""
        while text.split(separator: "\n").count < 2 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("http://127.0.0.1:") == true)
        let keyPath = try #require(lines.dropFirst().first?.replacingOccurrences(of: "signing-key: ", with: ""))
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let pem = try String(contentsOfFile: keyPath, encoding: .utf8)
        #expect(pem.contains("PRIVATE KEY"))
        #expect(!text.contains(pem.split(separator: "\n")[1]), "the key itself is never printed")
    }
}
