import Foundation
import TestSupport
import Testing

/// The official Microsoft Graph beta SDK for Python (`msgraph-beta-sdk`) drives `serve` the way a
/// team's own app would: create, PATCH via /me and via /users/{upn}, get, list, delete
/// (Tests/Interop/msgraph_sdk_drive.py). Runs when `GC_MSGRAPH_VENV` names a virtualenv with the
/// SDK installed; .ci/run creates one.
@Suite(.serialized, .timeLimit(.minutes(10)),
       .enabled(if: SDKVenv.python != nil,
                "set GC_MSGRAPH_VENV to a venv with msgraph-beta-sdk (python3 -m venv V && V/bin/pip install msgraph-beta-sdk)"))
struct GraphSDKInteropTests {
    static let script = BuiltProduct.repoRoot.appendingPathComponent("Tests/Interop/msgraph_sdk_drive.py").path

    @Test func sdkDrivesTheMockWithoutAnError() async throws {
        let (server, baseURL) = try CLIProcess.startServer()
        defer { server.stop() }
        let result = try await offPool { try Self.drive(baseURL) }
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        for step in ["create via /me", "PATCH via /me", "PATCH via /users/{upn}", "get", "list", "delete"] {
            #expect(result.stdout.contains("ok  \(step)\n"), "missing step \(step): \(result.stdout)")
        }
    }

    /// The script is a real check: a mock whose PATCH drops absent properties makes it fail.
    @Test func sdkScriptCatchesABrokenPatch() async throws {
        let (server, baseURL) = try CLIProcess.startServer(["--defect", "patch-replaces-entity"])
        defer { server.stop() }
        let result = try await offPool { try Self.drive(baseURL) }
        #expect(result.status == 1, "\(result.stderr)\n\(result.stdout)")
        #expect(result.stderr.contains("msgraph-beta-sdk interop FAILED"))
    }

    static func drive(_ baseURL: String) throws -> CLIProcess.Result {
        let python = try #require(SDKVenv.python)
        let result = try ChildProcess.run([script, baseURL], executable: URL(fileURLWithPath: python), timeout: 300)
        return CLIProcess.Result(status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr)
    }
}

/// The interpreter of the venv that `GC_MSGRAPH_VENV` names, if it has one.
enum SDKVenv {
    static var python: String? {
        guard let venv = ProcessInfo.processInfo.environment["GC_MSGRAPH_VENV"], !venv.isEmpty else { return nil }
        let path = URL(fileURLWithPath: venv).appendingPathComponent("bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
