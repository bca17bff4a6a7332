import Foundation
import Runner

// Merge aids for subcommands written against the old CLI-side orchestration; delete once no
// subcommand uses them. Both route through the one exit mapping (`GraphConformance+Exit.swift`).

/// Was a struct; `throw ToolExit(.couldNotRun)` still compiles and means `ConformanceError.verdict`.
@available(*, deprecated, message: "throw ConformanceError.verdict(status) (or .usage/.runtime with a message)")
func ToolExit(_ status: ExitStatus) -> ConformanceError { .verdict(status) }

/// Was the CLI's copy of the run steps; they live in `Runner.PreparedRun` now.
@available(*, deprecated, message: "use PreparedRun.prepare(suite.source(…), diagnostics:)")
enum RunDriver {
    static func prepare(_ suite: SuiteOptions, baseURL: String?, casePaths: [String]? = nil, forceMint: Bool) throws -> PreparedRun {
        try PreparedRun.prepare(try suite.source(baseURL: baseURL, casePaths: casePaths, forceMint: forceMint), diagnostics: { FileHandle.printError($0) })
    }

    static func newRunID() -> String { PreparedRun.newRunID() }
}
