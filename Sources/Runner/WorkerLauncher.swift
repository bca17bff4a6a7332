import Foundation

/// Starts worker threads as the concurrency limit grows, never more than `most`: a run that stays
/// at four cases at once keeps four workers and four connections.
final class WorkerLauncher: @unchecked Sendable {
    private let lock = NSLock()
    private let most: Int
    private var started = 0
    private var launch: (@Sendable (Int) -> Void)?

    init(most: Int) { self.most = max(1, most) }

    /// Where new workers come from; `launch` gets each worker's number.
    func start(_ launch: @escaping @Sendable (Int) -> Void) {
        lock.withLock { self.launch = launch }
    }

    /// Makes sure `count` workers exist (up to `most`).
    func grow(to count: Int) {
        let (starter, numbers): ((@Sendable (Int) -> Void)?, Range<Int>) = lock.withLock {
            let target = min(count, most)
            guard let launch, target > started else { return (nil, 0..<0) }
            defer { started = target }
            return (launch, started..<target)
        }
        guard let starter else { return }
        for number in numbers { starter(number) }
    }

    /// The run is over: later growth starts nothing.
    func close() {
        lock.withLock { launch = nil }
    }
}

/// The finished run's pace, written once by the run and read after it.
final class PaceBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: RunPace?

    var value: RunPace? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
