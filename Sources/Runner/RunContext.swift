import CaseModel
import Foundation
import JSONShape
import Reporting

/// What every worker shares during one run. Immutable except the two small lock-guarded parts.
final class RunContext: Sendable {
    let settings: RunSettings
    let target: TargetFile
    let tokens: [String: String]
    let tokenFailures: [String: String]
    let shapes: ShapeRegistry
    let minter: TokenMinter
    let circuit = TransportCircuit()
    let httpVersions = HTTPVersionTally()
    /// Case permits; CaseExecution reports every answer to it (status and timing) so an adaptive
    /// limit can follow the target.
    let concurrency: ConcurrencyGate
    let operations: OperationBreaker
    /// When the run as a whole must stop (`--max-time`), if ever.
    let runDeadline: Date?
    /// The only origin tokens may travel to.
    let origin: TokenOrigin?
    let tokenRejections: TokenRejectionTally
    let stopRequested: @Sendable () -> Bool
    /// A second interruption: abort even teardown requests (cleanup is then `graph-conformance cleanup`'s job).
    let hardStopRequested: @Sendable () -> Bool
    let declaredNames: Set<String>
    let recorder: ExchangeRecorder?
    let replay: ReplayLog?

    init(settings: RunSettings, target: TargetFile, tokens: [String: String], tokenFailures: [String: String],
         shapes: ShapeRegistry, minter: TokenMinter, recorder: ExchangeRecorder?, replay: ReplayLog?,
         stopRequested: @escaping @Sendable () -> Bool, hardStopRequested: @escaping @Sendable () -> Bool,
         concurrency: ConcurrencyGate) {
        self.concurrency = concurrency
        self.hardStopRequested = hardStopRequested
        self.recorder = recorder
        self.replay = replay
        self.settings = settings
        operations = OperationBreaker(threshold: settings.maxOperationTimeouts, requests: concurrency)
        runDeadline = settings.maxRunSeconds.map { Date().addingTimeInterval($0) }
        origin = TokenOrigin(baseURL: settings.baseURL)
        self.target = target
        self.tokens = tokens
        tokenRejections = TokenRejectionTally(tokens: tokens)
        self.tokenFailures = tokenFailures
        self.shapes = shapes
        declaredNames = shapes.declaredPropertyNames
        self.minter = minter
        self.stopRequested = stopRequested
    }

    var runDeadlinePassed: Bool { runDeadline.map { $0.timeIntervalSinceNow <= 0 } ?? false }

    /// Seconds left before the run deadline (infinity without one).
    var runSecondsLeft: Double { runDeadline.map { max(0, $0.timeIntervalSinceNow) } ?? .infinity }

    /// Every secret a transcript must never show: the tokens, and the broken ones we mint.
    var secrets: [String] { Array(tokens.values) }
}

/// Counts consecutive transport failures across workers; any HTTP answer resets it.
///
/// A timeout counts only when nothing at all was answered while that request waited: when other
/// requests were answered meanwhile the target is alive and only that operation hangs, which is
/// `OperationBreaker`'s business, not a reason to give up on the whole target.
final class TransportCircuit: @unchecked Sendable {
    private let lock = NSLock()
    private var consecutiveFailures = 0
    private var lastAnswer = Date.distantPast

    /// A failed request that was sent at `sentAt`.
    func recordFailure(sentAt: Date = .distantFuture) {
        lock.withLock {
            if lastAnswer < sentAt { consecutiveFailures += 1 }
        }
    }

    func recordAnswer() {
        lock.withLock {
            consecutiveFailures = 0
            lastAnswer = Date()
        }
    }

    func isOpen(threshold: Int) -> Bool {
        lock.withLock { consecutiveFailures >= threshold }
    }
}
