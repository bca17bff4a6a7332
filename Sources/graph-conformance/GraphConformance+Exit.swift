import ArgumentParser
import Foundation
import Runner

/// Every way a command ends, mapped to its message and exit code here and nowhere else
/// (README, "Reports and exit codes"): 0 passed, 1 contract failures, 2 usage or case-file errors
/// (nothing sent), 3 could not run (errors, or a runtime failure such as a port that cannot be
/// bound or a report that cannot be written), 5 nothing checked, 130 interrupted.
extension GraphConformance {
    /// An error from a command's `run()`.
    static func exit(for error: any Error) -> Never {
        switch error {
        case let error as ConformanceError:
            if let message = error.message { FileHandle.printError("graph-conformance: \(message)") }
            Foundation.exit(error.exitStatus.rawValue)
        case is ValidationError:
            exitForUsage(error)
        case is ExitCode:
            Self.exit(withError: error)
        case _ where exitCode(for: error) == .success:
            // `--help` and `help NAME` parse into ArgumentParser's help command, whose run() throws
            // the help request: it is an answer, not a failure.
            exitForUsage(error)
        default:
            // Not a usage error: nothing about the arguments was wrong.
            FileHandle.printError("graph-conformance: \(error)")
            Foundation.exit(ExitStatus.couldNotRun.rawValue)
        }
    }

    /// An argument error (ArgumentParser would exit 64; this tool promises 2). `--help` and
    /// `--version` arrive as "errors" that exit 0; ArgumentParser prints them.
    static func exitForUsage(_ error: any Error) -> Never {
        if exitCode(for: error) == .success {
            // Help and version text go to stdout, as ArgumentParser's own exit would send them.
            print(fullMessage(for: error))
            Foundation.exit(ExitCode.success.rawValue)
        }
        FileHandle.printError(fullMessage(for: error))
        Foundation.exit(ExitStatus.usageOrCaseFileError.rawValue)
    }
}
