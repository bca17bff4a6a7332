/// The variables every case may use without capturing them (cases/README.md, "Variables"): the
/// one list the decoder checks references against and the runner gives values to (in an
/// exhaustive `switch`, so a new one cannot go without a value).
public enum BuiltinVariable: String, CaseIterable, Sendable {
    case uuid, now, today, runId, baseUrl, user, policy

    /// Values that differ between runs: a recording keeps them, so a replay sends (and expects)
    /// what the recorded run did.
    public var isRecordedForReplay: Bool {
        switch self {
        case .uuid, .now, .today, .runId: true
        case .baseUrl, .user, .policy: false
        }
    }
}
