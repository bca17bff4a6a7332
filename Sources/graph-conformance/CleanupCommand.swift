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

    @OptionGroup var transport: TransportOptions

    func validate() throws {
        try SuiteOptions.validateBaseURL(baseURL)
    }

    func run() async throws {
        let prepared = try PreparedRun.prepare(try suite.source(baseURL: baseURL, forceMint: mintTokens), diagnostics: FileHandle.printError)
        guard !prepared.prepared.target.usesEmbeddedMock else {
            throw ValidationError("the embedded mock starts empty on every run: give --target or --base-url of the service to clean")
        }
        // The run's transport settings (--timeout, --cacert, --insecure), and its origin rule.
        var cleanup = Cleanup(target: prepared.prepared.target, tokens: prepared.tokens, baseURL: prepared.prepared.target.baseURL,
                              transfer: transport.transfer)
        cleanup.runID = runID
        cleanup.dryRun = dryRun
        let outcome: Cleanup.Outcome
        do {
            outcome = try cleanup.run()
        } catch {
            throw ConformanceError.runtime("cleanup: \(error)")
        }
        for removal in outcome.removals {
            let verdict = dryRun ? "would delete" : removal.deleted ? "deleted" : "could not delete (\(removal.problem ?? "?"))"
            print("\(verdict) \(removal.positionID) (run \(removal.marker), as \(removal.principal))")
        }
        for problem in outcome.problems { FileHandle.printError("cleanup: \(problem)") }
        let removals = outcome.removals
        print("cleanup: \(removals.filter(\.deleted).count) deleted, \(removals.filter { !$0.deleted && !dryRun }.count) left, \(removals.count) found")
        if removals.contains(where: { !$0.deleted && !dryRun }) || !outcome.problems.isEmpty { throw ConformanceError.verdict(.couldNotRun) }
    }
}
