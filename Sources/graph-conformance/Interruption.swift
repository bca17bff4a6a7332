import Foundation

/// SIGINT/SIGTERM turn into a flag the runner polls, so a stopped run still finishes what is in
/// flight, runs teardowns and writes its report (JUnit CONVENTIONS rule 23).
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []
    private var handlers: [@Sendable () -> Void] = []

    var isRequested: Bool { lock.withLock { requested } }

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
        let toRun: [@Sendable () -> Void] = lock.withLock {
            if requested {
                // A second signal: the user means it.
                Foundation.exit(130)
            }
            requested = true
            return handlers
        }
        FileHandle.standardError.write(Data("\ninterrupted: finishing cases in flight and writing the report (signal again to quit at once)\n".utf8))
        toRun.forEach { $0() }
    }
}
