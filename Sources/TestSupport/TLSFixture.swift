import Foundation
#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway CA, a 127.0.0.1 server certificate and an `openssl s_server` using them (test-only).
public final class TLSFixture {
    /// Why the fixture could not be set up.
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Path of the openssl binary, if the machine has one.
    public static let opensslPath: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    public let directory: URL
    public let port: Int
    private let server: Process

    public var caPath: String { directory.appendingPathComponent("ca.pem").path }
    public var baseURL: String { "https://127.0.0.1:\(port)" }

    public init() throws {
        guard let openssl = Self.opensslPath else { throw SetupError(description: "openssl not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gc-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.makeCertificates(openssl: openssl, in: directory)
        port = try Self.freePort()
        server = Process()
        server.executableURL = URL(fileURLWithPath: openssl)
        server.currentDirectoryURL = directory
        server.arguments = ["s_server", "-www", "-quiet", "-accept", "127.0.0.1:\(port)",
                            "-cert", "server.pem", "-key", "server.key"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        try waitUntilListening()
    }

    deinit {
        if server.isRunning {
            // SIGKILL, not terminate(): the child may inherit a signal mask that blocks SIGTERM.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes ca.pem/ca.key and a 127.0.0.1 server.pem/server.key signed by it into `directory`
    /// (also used by the HTTP/2 front-end fixture).
    public static func makeCertificates(openssl: String, in directory: URL) throws {
        let extensions = "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        try extensions.write(to: directory.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        let ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(openssl, ["req", "-x509"] + ecKey + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "1",
                "-subj", "/CN=GraphConformance Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], in: directory)
        try run(openssl, ["req"] + ecKey + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"], in: directory)
        try run(openssl, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "1", "-extfile", "server.ext"], in: directory)
    }

    private static func run(_ tool: String, _ arguments: [String], in directory: URL) throws {
        let result = try ChildProcess.run(arguments, executable: URL(fileURLWithPath: tool), in: directory, timeout: 60)
        guard result.status == 0 else {
            throw SetupError(description: "openssl \(arguments.first ?? "") exited \(result.status.map(String.init) ?? "(killed after 60 s)")")
        }
    }

    /// Borrows an ephemeral port from a scripted server and releases it again (for tools that
    /// cannot listen on port 0 and report the port they got).
    public static func freePort() throws -> Int {
        let probe = try ScriptedServer(.closeImmediately)
        let port = probe.port
        probe.stop()
        return port
    }

    /// Polls with plain TCP connects until s_server accepts (bounded to ~5 s).
    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.canConnect(port: port) { return }
            guard server.isRunning else { break }
            usleep(50_000)
        }
        throw SetupError(description: "openssl s_server did not start listening on \(port)")
    }

    private static func canConnect(port: Int) -> Bool {
        guard let fd = Loopback.connectedSocket(port: port) else { return false }
        close(fd)
        return true
    }
}
