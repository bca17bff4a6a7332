import CaseModel
import CurlClient
import Foundation
import JSONShape

/// A whole exploration: generate sequences for the budget, run them on `jobs` workers (each with
/// its own connections), collect disagreements, shrink one per signature.
public struct Exploration: Sendable {
    public struct Settings: Sendable {
        public var budget = 2000
        public var seed: UInt64 = 1
        public var jobs = 4
        public var transfer = TransferOptions()
        /// Distinct disagreements to shrink and write out; the rest are counted.
        public var maxFindings = 5
        /// Re-runs the shrinker may spend on one finding.
        public var shrinkRuns = 400
        public var stopRequested: @Sendable () -> Bool = { false }

        public init() {}
    }

    /// One distinct disagreement: the first sequence that showed it and its shrunk form.
    public struct Finding: Sendable {
        public var original: ExploreSequence
        public var minimal: ExploreSequence
        public var disagreement: Disagreement
        /// How many sequences showed the same signature.
        public var occurrences: Int
        public var shrinkRuns: Int
    }

    public struct Result: Sendable {
        public var steps: Int
        public var sequences: Int
        public var seconds: Double
        public var findings: [Finding]
        public var disagreeingSequences: Int
        public var interrupted: Bool
        public var stepsPerSecond: Double { seconds > 0 ? Double(steps) / seconds : 0 }
    }

    public let contract: ContractModel
    public let target: ExploreTarget
    public let settings: Settings

    public init(contract: ContractModel, target: ExploreTarget, settings: Settings) throws(ExploreError) {
        guard !target.ownWriters.isEmpty else {
            throw ExploreError("the target has no delegated principal with User.ReadWrite (reference §2); explore needs one to create positions")
        }
        self.contract = contract
        self.target = target
        self.settings = settings
    }

    var generator: SequenceGenerator { SequenceGenerator(target: target, contract: contract, concurrency: settings.jobs > 1) }

    /// The sequences a seed and budget name, independent of the target's answers.
    public func plannedSequences() -> [ExploreSequence] {
        var sequences: [ExploreSequence] = []
        var steps = 0
        while steps < settings.budget {
            let sequence = generator.sequence(index: sequences.count, seed: settings.seed)
            sequences.append(sequence)
            steps += sequence.stepCount
        }
        return sequences
    }

    /// Runs everything on threads of its own (curl blocks) and resumes when done.
    public func run() async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: self.runBlocking()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    public func runBlocking() -> Result {
        let started = Date()
        let sequences = plannedSequences()
        introducePrincipals()
        let outcomes = Outcomes(count: sequences.count)
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<max(1, settings.jobs) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                guard let lanes = try? self.lanes() else { return }
                let runner = SequenceRunner(contract: self.contract, target: self.target)
                while !self.settings.stopRequested(), let index = next.take(below: sequences.count) {
                    outcomes.set(index, runner.run(sequences[index], lanes: lanes))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        let seconds = Date().timeIntervalSince(started)
        let results = outcomes.all()
        var bySignature: [String: (sequence: ExploreSequence, disagreement: Disagreement, count: Int)] = [:]
        var order: [String] = []
        for (index, outcome) in results.enumerated() {
            guard let outcome, let disagreement = outcome.disagreement else { continue }
            let key = disagreement.signature
            if let known = bySignature[key] {
                bySignature[key]?.count = known.count + 1
            } else {
                bySignature[key] = (sequences[index], disagreement, 1)
                order.append(key)
            }
        }
        var findings: [Finding] = []
        if let lanes = try? lanes() {
            let shrinker = Shrinker(runner: SequenceRunner(contract: contract, target: target), lanes: lanes, maxRuns: settings.shrinkRuns)
            for key in order.prefix(settings.maxFindings) where !settings.stopRequested() {
                guard let entry = bySignature[key] else { continue }
                // A transport failure is not shrunk: fewer steps would not make a silent target answer.
                let (minimal, disagreement, runs) = entry.disagreement.kind == .transport
                    ? (entry.sequence, entry.disagreement, 0) : shrinker.shrink(entry.sequence, disagreement: entry.disagreement)
                findings.append(Finding(original: entry.sequence, minimal: minimal, disagreement: disagreement, occurrences: entry.count, shrinkRuns: runs))
            }
        }
        return Result(steps: results.reduce(0) { $0 + ($1?.steps ?? 0) }, sequences: results.compactMap { $0 }.count, seconds: seconds,
                      findings: findings, disagreeingSequences: results.filter { $0?.disagreement != nil }.count,
                      interrupted: settings.stopRequested())
    }

    /// Each delegated principal lists its own positions once before anything else: a target that
    /// learns its users from their first call (the embedded mock) then knows every `/users/{id}`.
    private func introducePrincipals() {
        guard let client = try? ExploreClient(target: target, options: settings.transfer) else { return }
        for principal in target.principals where !principal.isApplication {
            let step = ExploreStep(principal: principal.name, owner: principal.name, address: .me, action: .list)
            _ = try? client.send("GET", url: client.url(step, id: nil), principal: principal.name, body: nil, contentType: nil)
        }
    }

    /// Two connections per worker, so concurrent steps come from different connections.
    private func lanes() throws(TransportError) -> [ExploreClient] {
        [try ExploreClient(target: target, options: settings.transfer), try ExploreClient(target: target, options: settings.transfer)]
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SequenceRunner.Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: SequenceRunner.Outcome) { lock.withLock { slots[index] = outcome } }

    func all() -> [SequenceRunner.Outcome?] { lock.withLock { slots } }
}
