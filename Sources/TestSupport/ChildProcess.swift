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

/// A started child process with its output drained in the background, waited for under a time
/// limit: the one subprocess runner of the tests (the built CLI, xmllint, openssl).
///
/// `@unchecked Sendable`: the output buffers are only touched under `lock`; `process` is Foundation's
/// own thread-safe handle.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private let drained = DispatchGroup()

    /// Starts `executable` (default: the built `graph-conformance`) in `directory` (default: the
    /// repository root) with `NO_COLOR=1` and `environment` on top of this process's environment.
    public init(_ arguments: [String], executable: URL = BuiltProduct.executable, in directory: URL? = nil,
                environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? BuiltProduct.repoRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The suite itself may run under CI: its test runs must not annotate or write the job summary.
        for key in ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI"] { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        drain(outPipe.fileHandleForReading) { [self] chunk in lock.withLock { out.append(chunk) } }
        drain(errPipe.fileHandleForReading) { [self] chunk in lock.withLock { err.append(chunk) } }
    }

    /// Runs to completion (or `timeout`), returning the exit status (nil when it had to be killed).
    public static func run(_ arguments: [String], executable: URL = BuiltProduct.executable, in directory: URL? = nil,
                           environment: [String: String] = [:], timeout: Double) throws -> (status: Int32?, stdout: String, stderr: String) {
        let child = try ChildProcess(arguments, executable: executable, in: directory, environment: environment)
        let status = child.wait(timeout: timeout)
        return (status, child.stdout, child.stderr)
    }

    /// `graph-conformance serve --port 0 …`, with the base URL it prints first.
    public static func startServer(_ extra: [String] = []) throws -> (ChildProcess, String) {
        let child = try ChildProcess(["serve", "--port", "0"] + extra)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let line = child.stdout.split(separator: "\n").first, line.hasPrefix("http") { return (child, String(line)) }
            usleep(20_000)
        }
        _ = child.wait(timeout: 0)
        throw Failure(description: "serve printed no base URL: \(child.stderr)")
    }

    private func drain(_ handle: FileHandle, into append: @escaping @Sendable (Data) -> Void) {
        drained.enter()
        Thread.detachNewThread { [drained] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                append(chunk)
            }
            drained.leave()
        }
    }

    /// Waits for exit up to `timeout`, then SIGKILLs (children here may inherit a blocked SIGTERM).
    public func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = drained.wait(timeout: .now() + 5)
            return nil
        }
        process.waitUntilExit()
        _ = drained.wait(timeout: .now() + 5)
        return process.terminationStatus
    }

    /// SIGTERM, then SIGKILL if it has not gone within a few seconds.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        _ = wait(timeout: 3)
    }

    /// A child that did not do what a test needs from it (no base URL, a failed tool run).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    public var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }
}
