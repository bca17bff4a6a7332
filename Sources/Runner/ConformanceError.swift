/// Why a command ends other than with a clean pass, typed so the CLI maps it to an exit code in
/// one place (README, "Reports and exit codes").
public enum ConformanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad arguments or values: nothing was sent.
    case usage(String)
    /// Case, contract or target files have errors (already printed, one per line): nothing was sent.
    case invalidSuite(errorCount: Int)
    /// The machine or the target kept the command from doing its job: a port that cannot be bound,
    /// a report or matrix that cannot be written, a mock that cannot start, a transport failure.
    case runtime(String)
    /// The run finished and its verdict is not a pass (failures, errors, nothing checked,
    /// interrupted); the console already said why.
    case verdict(ExitStatus)

    public var exitStatus: ExitStatus {
        switch self {
        case .usage, .invalidSuite: .usageOrCaseFileError
        case .runtime: .couldNotRun
        case .verdict(let status): status
        }
    }

    /// The line to print, if the error has not been explained already.
    public var message: String? {
        switch self {
        case .usage(let text), .runtime(let text): text
        case .invalidSuite(let count): "\(count) error(s) in case, contract or target files; nothing was sent"
        case .verdict: nil
        }
    }

    public var description: String { message ?? "exit \(exitStatus.rawValue)" }
}
