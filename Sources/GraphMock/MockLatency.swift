/// How long the mock waits before answering, to stand in for a remote Graph (50–300 ms) on loopback.
///
/// Each answer leaves `milliseconds ± jitterMilliseconds` (uniform, never below 0) after its request
/// arrived. The wait is scheduled on the connection's event loop, never slept, so a hundred
/// requests in flight still overlap exactly as they would against a distant server.
public struct MockLatency: Sendable, Equatable, CustomStringConvertible {
    public var milliseconds: Int
    public var jitterMilliseconds: Int

    public init(milliseconds: Int, jitterMilliseconds: Int = 0) {
        self.milliseconds = max(0, milliseconds)
        self.jitterMilliseconds = max(0, jitterMilliseconds)
    }

    /// `50` or `50~20` (50 ms ± 20 ms); nil for anything else, including negative numbers.
    public init?(parsing text: String) {
        let parts = text.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
        guard let base = Int(parts[0]), base >= 0 else { return nil }
        var jitter = 0
        if parts.count == 2 {
            guard let value = Int(parts[1]), value >= 0 else { return nil }
            jitter = value
        }
        self.init(milliseconds: base, jitterMilliseconds: jitter)
    }

    public var description: String { jitterMilliseconds == 0 ? "\(milliseconds) ms" : "\(milliseconds)±\(jitterMilliseconds) ms" }

    /// The wait for one answer, in milliseconds.
    func draw<Source: RandomNumberGenerator>(using source: inout Source) -> Int64 {
        guard jitterMilliseconds > 0 else { return Int64(milliseconds) }
        return Int64(max(0, milliseconds + Int.random(in: -jitterMilliseconds...jitterMilliseconds, using: &source)))
    }

    func draw() -> Int64 {
        var source = SystemRandomNumberGenerator()
        return draw(using: &source)
    }
}
