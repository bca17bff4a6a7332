import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A third-party server (nghttpx, tinyproxy) run as a child for a test: found on the usual
/// paths, started with its output in files, waited for by a readiness check rather than a sleep,
/// and killed when the owner goes away (test-only).
public final class ToolProcess {
    /// Why the tool could not be started or did not become ready.
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The tool's path in the system and local bin folders (nghttpx lives in sbin), or nil.
    public static func locate(_ name: String) -> String? {
        ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin"]
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public let name: String
    private let process: Process

    public var isRunning: Bool { process.isRunning }

    /// Starts `path arguments…` in `directory`, stdout and stderr to `directory/<name>.out`.
    public init(_ path: String, _ arguments: [String], in directory: URL) throws {
        name = URL(fileURLWithPath: path).lastPathComponent
        process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = directory.appendingPathComponent("\(name).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit { stop() }

    /// SIGKILL: the child may inherit a signal mask that blocks SIGTERM, and a test tool keeps no state.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Polls `ready` every 20 ms until it holds. Returns false at once if the tool exits (a port
    /// taken in between, a bad config), and throws only when the hang guard runs out.
    public func waitUntil(hangGuard seconds: Double = 60, _ ready: () -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if ready() { return true }
            guard process.isRunning else { return false }
            usleep(20_000)
        }
        throw SetupError(description: "\(name) was not ready within \(Int(seconds)) s")
    }

    /// True when something accepts TCP connections on 127.0.0.1:`port`.
    public static func isListening(port: Int) -> Bool {
        guard let fd = Loopback.connectedSocket(port: port) else { return false }
        close(fd)
        return true
    }

    /// The file's text, or "" while it does not exist yet.
    public static func text(of file: URL) -> String {
        (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }
}
