import ArgumentParser
import CaseModel
import CurlClient
import Foundation
import Runner

/// `graph-conformance cleanup`: delete what interrupted runs left on a live target.
struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Delete positions earlier runs created and left behind (only those marked 'graph-conformance <run id>')."
    )

    @OptionGroup var suite: SuiteOptions

    @Option(name: .customLong("base-url"), help: "Base URL (overrides the target's).")
    var baseURL: String?

    @Flag(name: .customLong("mint-tokens"), help: "Mint unsigned test tokens (Graph-compatible servers only).")
    var mintTokens = false

    @Option(name: .customLong("run-id"), help: "Only this run's leftovers.")
    var runID: String?

    @Flag(name: .customLong("dry-run"), help: "List what would be deleted; delete nothing.")
    var dryRun = false

    func run() async throws {
        let driver = try RunDriver.prepare(suite, baseURL: baseURL, forceMint: mintTokens)
        guard !driver.prepared.target.usesEmbeddedMock else {
            throw ValidationError("the embedded mock starts empty on every run: give --target or --base-url of the service to clean")
        }
        var cleanup = Cleanup(target: driver.prepared.target, tokens: driver.tokens, baseURL: driver.prepared.target.baseURL)
        cleanup.runID = runID
        cleanup.dryRun = dryRun
        let removals: [Cleanup.Removal]
        do {
            removals = try cleanup.run()
        } catch {
            FileHandle.printError("cleanup: \(error)")
            throw ToolExit(.couldNotRun)
        }
        for removal in removals {
            let verdict = dryRun ? "would delete" : removal.deleted ? "deleted" : "could not delete (\(removal.problem ?? "?"))"
            print("\(verdict) \(removal.positionID) (run \(removal.marker), as \(removal.principal))")
        }
        print("cleanup: \(removals.filter(\.deleted).count) deleted, \(removals.filter { !$0.deleted && !dryRun }.count) left, \(removals.count) found")
        if removals.contains(where: { !$0.deleted && !dryRun }) { throw ToolExit(.couldNotRun) }
    }
}
