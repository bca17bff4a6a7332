import CaseModel
import Foundation
import JSONShape

/// The repository's own contract, loaded once for the CaseModel tests.
enum TestContract {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lint context the catalogue is checked with, and the contract's own diagnostics (none expected).
    static let loaded: (context: LintContext, diagnostics: [Diagnostic]) = {
        let sink = DiagnosticSink()
        let shapes = ContractLoader.load(directory: repoRoot.appendingPathComponent("cases/contract").path, sink: sink)
        return (LintContext(shapes: shapes), sink.diagnostics)
    }()
}
