import Foundation
import TestSupport

/// Runs the built `graph-conformance` binary as a user would, with a time limit, and collects
/// its exit status and output.
struct CLIProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repoRoot = BuiltProduct.repoRoot
    static var executable: URL { BuiltProduct.executable }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 240) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repoRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The suite itself may run under CI: its test runs must not annotate or write the job summary.
        for key in ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI"] { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = OutputCollector(out.fileHandleForReading)
        let errData = OutputCollector(err.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return Result(status: -1, stdout: outData.text(), stderr: errData.text() + "\n[killed after \(Int(timeout)) s]")
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData.text(), stderr: errData.text())
    }

    /// Starts `graph-conformance serve --port 0 …` and returns it with the base URL it printed.
    static func startServer(_ extra: [String] = []) throws -> (process: Process, baseURL: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"] + extra
        process.currentDirectoryURL = repoRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        return (process, String(decoding: line, as: UTF8.self))
    }
}

extension Process {
    /// SIGTERM, then SIGKILL if it has not gone within a few seconds (some environments leave
    /// SIGTERM ignored in children).
    func stop() {
        guard isRunning else { return }
        terminate()
        let deadline = Date().addingTimeInterval(3)
        while isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
    }
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.signal()
        }
    }

    func text() -> String {
        _ = done.wait(timeout: .now() + 5)
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}

/// Schema validation the way CI readers enforce it (JUnit CONVENTIONS.md).
enum SchemaCheck {
    static var xmllintAvailable: Bool { JUnitSchema.xmllint != nil }

    static func problems(in file: String) throws -> String? {
        try JUnitSchema.problems(inFile: file)
    }
}
