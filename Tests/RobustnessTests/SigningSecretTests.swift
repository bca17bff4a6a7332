import Foundation
import TestSupport
import Testing

/// Signing material (a PEM private key, an HS256 secret) must never reach output, reports or
/// recordings, even with --verbose, every transcript kept, failing cases and --record.
extension Robustness.CLITests {
    @Test(.enabled(if: OpenSSLKeys.openssl != nil)) func signingKeysNeverReachOutputReportsOrRecordings() async throws {
        let (server, baseURL) = try Self.startServer(["--defect", "patch-server-error"])
        defer { _ = server.wait(timeout: 0) }
        let keyPath = try OpenSSLKeys.make(.rsaPKCS8)
        let pem = try String(contentsOfFile: keyPath, encoding: .utf8)
        let pemLines = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.map(String.init)
        let secret = "hs256-secret-for-the-redaction-test-\(UUID().uuidString)"
        #expect(pemLines.count > 10)

        let runs: [(label: String, arguments: [String], environment: [String: String])] = [
            ("RS256 key file", ["--signing-key", keyPath], [:]),
            ("HS256 secret", ["--signing-secret-env", "GC_TEST_SIGNING_SECRET"], ["GC_TEST_SIGNING_SECRET": secret]),
        ]
        for run in runs {
            let work = try Harness.temporaryDirectory("signing")
            let junit = work.appendingPathComponent("junit.xml").path, json = work.appendingPathComponent("report.json").path
            let recordings = work.appendingPathComponent("har").path
            let child = try Child(["run", "--base-url", baseURL, "--junit", junit, "--json", json, "--verbose", "--transcripts", "all",
                                   "--record", recordings, "--tag", "auth"] + run.arguments, environment: run.environment)
            let status = child.wait(timeout: 90)
            #expect(status == 1, "\(run.label): PATCH answers 500, so the run fails: \(child.stderr.suffix(1500))")
            let har = (try? FileManager.default.contentsOfDirectory(atPath: recordings))?.compactMap {
                try? String(contentsOfFile: recordings + "/" + $0, encoding: .utf8)
            }.joined() ?? ""
            #expect(har.contains("\"entries\""), "\(run.label): a recording was written")
            let outputs = ["stdout": child.stdout, "stderr": child.stderr, "junit.xml": (try? String(contentsOfFile: junit, encoding: .utf8)) ?? "",
                           "report.json": (try? String(contentsOfFile: json, encoding: .utf8)) ?? "", "HAR": har]
            for (name, text) in outputs {
                #expect(!text.contains(secret), "\(run.label): the HS256 secret appears in \(name)")
                for line in pemLines { #expect(!text.contains(line), "\(run.label): a line of the private key appears in \(name)") }
            }
        }
    }
}
