import Foundation
import Runner

/// SIGINT/SIGTERM turn into a flag the runner polls, so a stopped run still finishes what is in
/// flight, runs teardowns and writes its report (JUnit CONVENTIONS rule 23).
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    /// 0: running; 1: finish teardowns, write the report; 2: abort teardowns too, still write the
    /// report; 3: leave at once.
    private var level = 0
    private var sources: [any DispatchSourceSignal] = []
    private var handlers: [@Sendable () -> Void] = []

    var isRequested: Bool { lock.withLock { level >= 1 } }
    var isHardStop: Bool { lock.withLock { level >= 2 } }

    /// The run's view of these signals.
    var signals: StopSignals {
        StopSignals(stopRequested: { Interruption.shared.isRequested }, hardStopRequested: { Interruption.shared.isHardStop })
    }

    /// Installs the handlers once; `onSignal` runs on the first signal.
    func install(onSignal: (@Sendable () -> Void)? = nil) {
        lock.withLock {
            if let onSignal { handlers.append(onSignal) }
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [weak self] in self?.trigger() }
                source.resume()
                sources.append(source)
            }
        }
    }

    private func trigger() {
        let (current, toRun): (Int, [@Sendable () -> Void]) = lock.withLock {
            level += 1
            return (level, level == 1 ? handlers : [])
        }
        switch current {
        case 1:
            FileHandle.standardError.write(Data("\ninterrupted: stopping requests in flight, running teardowns, writing the report (signal again to skip teardowns)\n".utf8))
        case 2:
            FileHandle.standardError.write(Data("\ninterrupted again: skipping teardowns, writing the report (once more to quit without it)\n".utf8))
        default:
            Foundation.exit(130)
        }
        toRun.forEach { $0() }
    }
}
