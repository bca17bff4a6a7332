import Foundation
import TestSupport

/// Runs the built `graph-conformance` binary as a user would, with a time limit, and collects
/// its exit status and output (through the shared `ChildProcess`).
struct CLIProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repoRoot = BuiltProduct.repoRoot

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 240) throws -> Result {
        let result = try ChildProcess.run(arguments, in: directory, environment: environment, timeout: timeout)
        guard let status = result.status else {
            return Result(status: -1, stdout: result.stdout, stderr: result.stderr + "\n[killed after \(Int(timeout)) s]")
        }
        return Result(status: status, stdout: result.stdout, stderr: result.stderr)
    }

    /// `run`, waited for off the cooperative pool: a CLI run can take minutes, and a test blocking a
    /// pool thread that long starves every other async test on a 2-core machine.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 240) async throws -> Result {
        try await offPool { try run(arguments, in: directory, environment: environment, timeout: timeout) }
    }

    /// Starts `graph-conformance serve --port 0 …` and returns it with the base URL it printed.
    static func startServer(_ extra: [String] = []) throws -> (process: ChildProcess, baseURL: String) {
        try ChildProcess.startServer(extra)
    }
}

/// Schema validation the way CI readers enforce it (JUnit CONVENTIONS.md).
enum SchemaCheck {
    static var xmllintAvailable: Bool { JUnitSchema.isAvailable }

    static func problems(in file: String) throws -> String? {
        try JUnitSchema.problems(inFile: file)
    }
}
