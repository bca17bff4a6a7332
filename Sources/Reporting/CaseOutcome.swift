/// How a case ended; maps to at most one outcome element in JUnit.
///
/// The split between `failed` and `error` is the one every CI reader understands: a failure is the
/// server breaking the contract, an error is the case not being judgeable at all.
public enum CaseOutcome: Sendable, Codable {
    /// The server met the contract.
    case passed
    /// Contract mismatch, written as `<failure>`.
    case failed(Problem)
    /// The case could not run (connect, timeout, TLS, bad fixture, interrupted), written as `<error>`.
    case error(Problem)
    /// Not applicable to this target, written as `<skipped>` with the reason as message and text.
    case skipped(reason: String)
}

extension CaseOutcome {
    /// "passed", "failed", "error" or "skipped": the outcome's name, for counting and for tests.
    public var kind: String {
        switch self {
        case .passed: "passed"
        case .failed: "failed"
        case .error: "error"
        case .skipped: "skipped"
        }
    }

    /// The problem behind a failure or an error.
    public var problem: Problem? {
        switch self {
        case .failed(let problem), .error(let problem): problem
        case .passed, .skipped: nil
        }
    }
}
