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
    let tokenRejections: TokenRejectionTally
    let stopRequested: @Sendable () -> Bool
    /// A second interruption: abort even teardown requests (cleanup is then `graph-conformance cleanup`'s job).
    let hardStopRequested: @Sendable () -> Bool
    let declaredNames: Set<String>
    let recorder: ExchangeRecorder?
    let replay: ReplayLog?

    init(settings: RunSettings, target: TargetFile, tokens: [String: String], tokenFailures: [String: String],
         shapes: ShapeRegistry, minter: TokenMinter, recorder: ExchangeRecorder?, replay: ReplayLog?,
         stopRequested: @escaping @Sendable () -> Bool, hardStopRequested: @escaping @Sendable () -> Bool) {
        self.hardStopRequested = hardStopRequested
        self.recorder = recorder
        self.replay = replay
        self.settings = settings
        self.target = target
        self.tokens = tokens
        tokenRejections = TokenRejectionTally(tokens: tokens)
        self.tokenFailures = tokenFailures
        self.shapes = shapes
        declaredNames = shapes.declaredPropertyNames
        self.minter = minter
        self.stopRequested = stopRequested
    }

    /// Every secret a transcript must never show: the tokens, and the broken ones we mint.
    var secrets: [String] { Array(tokens.values) }
}

/// Counts consecutive transport failures across workers; any HTTP answer resets it.
final class TransportCircuit: @unchecked Sendable {
    private let lock = NSLock()
    private var consecutiveFailures = 0

    func recordFailure() {
        lock.withLock { consecutiveFailures += 1 }
    }

    func recordAnswer() {
        lock.withLock { consecutiveFailures = 0 }
    }

    func isOpen(threshold: Int) -> Bool {
        lock.withLock { consecutiveFailures >= threshold }
    }
}
