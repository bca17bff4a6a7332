/// A hostile way of (not) answering, for proving that a run against a server that hangs or drips
/// stays bounded. Not a contract defect: no case can "catch" it, so `selftest` never runs it; the
/// runner must instead end with a complete report in bounded time (`--max-time`, the per-operation
/// breaker). Only successful PATCHes are affected, so everything else keeps answering.
public enum MockHostility: String, Sendable, CaseIterable {
    case patchNeverAnswers = "patch-never-answers"
    case patchDrips = "patch-drips"

    /// One line for `serve --list-hostile`.
    public var summary: String {
        switch self {
        case .patchNeverAnswers: "a successful PATCH is applied but never answered (the connection stays open, silent)"
        case .patchDrips: "a successful PATCH answers its body one byte per 100 ms"
        }
    }

    /// True when this mode takes over the answer to `method` with `status`.
    func applies(method: String, status: Int) -> Bool {
        method == "PATCH" && (200...299).contains(status)
    }

    /// Pause between two body bytes for `patchDrips`.
    static let dripIntervalMilliseconds: Int64 = 100
}
