import ArgumentParser
import CaseModel
import Foundation
import Runner

/// `graph-conformance lint`: check case, contract and target files without sending anything.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check case files and print file:line:col: error: message for every problem."
    )

    @OptionGroup var suite: SuiteOptions

    @Argument(help: "Case files or folders (default: all of --cases).")
    var paths: [String] = []

    func run() throws {
        let sink = DiagnosticSink()
        let prepared = SuiteLoader.load(casesDirectory: suite.cases, casePaths: paths.isEmpty ? nil : paths,
                                        targetPath: suite.target, sink: sink)
        for diagnostic in sink.sorted { print(diagnostic.description) }
        let errors = sink.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 || prepared == nil {
            FileHandle.printError("lint: \(errors) error(s)")
            throw ConformanceError.verdict(.usageOrCaseFileError)
        }
        let files = prepared?.files.count ?? 0
        let cases = prepared?.planned.count ?? 0
        print("lint: \(files) file(s), \(cases) test case(s), no errors")
    }
}
