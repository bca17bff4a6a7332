import Foundation

/// Requests the server has received and not yet answered, across every connection, and how many
/// were throttled because too many were: what `throttleAboveInFlight` decides on, and what a test
/// reads back to count the 429s a client provoked.
public final class InFlightGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0
    private var throttled = 0

    init() {}

    /// A request arrived; returns how many are in flight now, this one included.
    func enter() -> Int {
        lock.withLock {
            current += 1
            highest = max(highest, current)
            return current
        }
    }

    /// A request was answered (or, in a hostile mode, will never be).
    func leave() {
        lock.withLock { current = max(0, current - 1) }
    }

    func recordThrottled() {
        lock.withLock { throttled += 1 }
    }

    /// 429 answers given because more than `throttleAboveInFlight` requests were in flight.
    public var throttledAnswers: Int { lock.withLock { throttled } }

    /// The most requests that were in flight at once.
    public var peakInFlight: Int { lock.withLock { highest } }
}
