import ArgumentParser
import Foundation
import Runner

/// The `graph-conformance` command: with no arguments it runs the whole catalogue against the
/// embedded mock. Exit codes: `GraphConformance+Exit.swift`, the one place they are chosen.
@main
struct GraphConformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph-conformance",
        abstract: "Contract-conformance suite for Microsoft Graph 'Update workPosition' (beta).",
        version: GraphConformanceVersion.current,
        // One subcommand per line, so adding one is a one-line change.
        subcommands: [
            RunCommand.self,
            ServeCommand.self,
            LintCommand.self,
            SelftestCommand.self,
            CleanupCommand.self,
            IssuerCommand.self,
            ExploreCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitForUsage(error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(for: error)
        }
    }
}

extension FileHandle {
    static func printError(_ text: String) {
        standardError.write(Data((text + "\n").utf8))
    }
}
