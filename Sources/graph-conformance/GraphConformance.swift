import ArgumentParser
import Foundation
import Runner

/// The `graph-conformance` command: with no arguments it runs the whole catalogue against the
/// embedded mock. Exit codes: 0 passed, 1 contract failures, 2 usage/config/case-file errors,
/// 3 could-not-run errors only, 130 interrupted.
@main
struct GraphConformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph-conformance",
        abstract: "Contract-conformance suite for Microsoft Graph 'Update workPosition' (beta).",
        version: GraphConformanceVersion.current,
        subcommands: [RunCommand.self, ServeCommand.self, LintCommand.self, SelftestCommand.self, CleanupCommand.self, ExploreCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// ArgumentParser exits 64 on usage errors; this tool promises 2 (README, "Exit codes").
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ToolExit {
            exit.exitProcess()
        } catch {
            // --help and --version arrive as "errors" that exit 0; ArgumentParser prints them.
            if Self.exitCode(for: error) == .success { Self.exit(withError: error) }
            FileHandle.standardError.write(Data((Self.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usageOrCaseFileError.rawValue)
        }
    }
}

/// Ends the process with a specific status after the command has printed what it needs.
struct ToolExit: Error {
    var status: Int32

    init(_ status: ExitStatus) { self.status = status.rawValue }
    init(status: Int32) { self.status = status }

    func exitProcess() -> Never {
        Foundation.exit(status)
    }
}

extension FileHandle {
    static func printError(_ text: String) {
        standardError.write(Data((text + "\n").utf8))
    }
}
