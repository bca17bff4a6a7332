import CaseModel
import Foundation

/// Resolves each principal's token once per run, from the source its target names.
/// Failures name the principal and the source, never a token or the command's output.
public struct TokenProvider: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var principal: String
        public var reason: String
        public var description: String { "cannot get a token for principal '\(principal)': \(reason)" }
    }

    public var minter: TokenMinter
    public var forceMint: Bool
    public var environment: [String: String]

    public init(minter: TokenMinter = TokenMinter(), forceMint: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.minter = minter
        self.forceMint = forceMint
        self.environment = environment
    }

    /// Tokens by principal name; principals whose source fails are reported in `failures`
    /// (their cases are skipped, not failed).
    public func tokens(for target: TargetFile) -> (tokens: [String: String], failures: [Failure]) {
        var tokens: [String: String] = [:]
        var failures: [Failure] = []
        for (name, principal) in target.principals.sorted(by: { $0.key < $1.key }) {
            do {
                tokens[name] = try token(for: principal, in: target)
            } catch {
                failures.append(error)
            }
        }
        return (tokens, failures)
    }

    func token(for principal: PrincipalConfig, in target: TargetFile) throws(Failure) -> String {
        let source = forceMint ? .mint : principal.token
        switch source {
        case .mint:
            return minter.mint(for: principal, in: target)
        case .environment(let variable):
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw Failure(principal: principal.name, reason: "environment variable \(variable) is not set or empty")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
            else {
                throw Failure(principal: principal.name, reason: "token file \(path) is missing, unreadable or empty")
            }
            return text
        case .command(let command):
            return try runTokenCommand(command, principal: principal.name)
        }
    }

    /// Runs the command through /bin/sh with a time limit; only its exit status is ever reported.
    func runTokenCommand(_ command: String, principal: String) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(principal: principal, reason: "token command could not start")
        }
        let reader = DispatchQueue.global()
        nonisolated(unsafe) var data = Data()
        let done = DispatchSemaphore(value: 0)
        reader.async {
            data = output.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        if done.wait(timeout: .now() + 60) == .timedOut {
            process.terminate()
            throw Failure(principal: principal, reason: "token command did not finish within 60 s")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(principal: principal, reason: "token command exited with status \(process.terminationStatus)")
        }
        guard let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw Failure(principal: principal, reason: "token command printed nothing")
        }
        return text
    }
}
