import CaseModel
import CurlClient
import Foundation
import JSONShape
import Reporting

/// Runs planned cases on worker threads, each with its own curl handle, at most `jobs` at once
/// (fewer while an adaptive limit says so), longest chains first, and returns results in plan
/// order whatever order they finished in.
///
/// curl's perform blocks, so workers are plain threads rather than tasks on the cooperative pool.
/// An adaptive run starts few of them and another each time the limit grows, so a run that never
/// grows never opens more connections than it uses.
public final class ConformanceRun: Sendable {
    public typealias Progress = @Sendable (_ index: Int, _ total: Int, _ report: CaseReport) -> Void

    let context: RunContext
    let planned: [PlannedCase]
    private let launcher: WorkerLauncher
    private let measured = PaceBox()

    public init(planned: [PlannedCase], target: TargetFile, tokens: [String: String], tokenFailures: [String: String] = [:],
                shapes: ShapeRegistry, settings: RunSettings, minter: TokenMinter = TokenMinter(),
                recorder: ExchangeRecorder? = nil, replay: ReplayLog? = nil,
                stopRequested: @escaping @Sendable () -> Bool = { false },
                hardStopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.planned = planned
        let launcher = WorkerLauncher(most: min(max(1, settings.jobs), max(1, planned.count)))
        self.launcher = launcher
        let gate = ConcurrencyGate(adaptive: settings.concurrency == .adaptive, cap: max(1, settings.jobs),
                                   wholeProcess: settings.targetInProcess, raised: { launcher.grow(to: $0) })
        context = RunContext(settings: settings, target: target, tokens: tokens, tokenFailures: tokenFailures,
                             shapes: shapes, minter: minter, recorder: recorder, replay: replay, stopRequested: stopRequested,
                             hardStopRequested: hardStopRequested, concurrency: gate)
    }

    /// Wall time, critical path and peak concurrency of the finished run (nil before it finished).
    public var pace: RunPace? { measured.value }

    /// After the run: one line when the target refused every request made with a valid token.
    public var tokenDiagnosis: String? { context.tokenRejections.diagnosis(minter: context.minter) }

    /// Runs on a thread of its own and resumes when every case has a result. Use this from async
    /// code: blocking a cooperative-pool thread would starve an in-process mock (and anything else
    /// the process serves with Swift concurrency).
    public func results(progress: Progress? = nil) async -> [CaseReport] {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: self.run(progress: progress))
            }
            thread.name = "graph-conformance run"
            thread.start()
        }
    }

    /// Responses per negotiated HTTP version so far ("2": 850, "1.1": 10); complete once the run returned.
    public var httpVersions: [String: Int] { context.httpVersions.snapshot }

    /// Blocks until every case has a result.
    public func run(progress: Progress? = nil) -> [CaseReport] {
        let started = Date()
        let results = ResultSlots(count: planned.count)
        // Longest chains first, so their length overlaps the others instead of adding to the
        // run's; the report keeps plan order regardless.
        let queue = WorkQueue(order: CaseSchedule.order(planned))
        let group = DispatchGroup()
        launcher.start { [self] workerIndex in
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                self.work(queue: queue, results: results, progress: progress)
            }
            thread.name = "graph-conformance worker \(workerIndex)"
            thread.stackSize = 4 << 20
            thread.start()
        }
        launcher.grow(to: context.concurrency.limit)
        // Workers started later enter the group before the last running one leaves it: a worker
        // only leaves once the queue is empty, and only a running worker's answer starts another.
        group.wait()
        launcher.close()
        let all = results.all()
        measured.value = RunPace.measure(planned: planned, results: all, wallSeconds: Date().timeIntervalSince(started),
                                         gate: context.concurrency, settings: context.settings)
        return all
    }

    private func work(queue: WorkQueue, results: ResultSlots, progress: Progress?) {
        let session: CurlSession
        do {
            session = try CurlSession()
        } catch {
            while let index = queue.next() {
                results.set(index, notRun(planned[index], type: "transport.init", reason: "could not create a curl handle: \(error.message)"))
            }
            return
        }
        let gate = context.concurrency
        while true {
            gate.acquire()
            guard let index = queue.next() else {
                gate.release()
                return
            }
            let report: CaseReport
            if context.stopRequested() {
                report = notRun(planned[index], type: "run.interrupted", reason: "interrupted before this case started")
            } else if context.runDeadlinePassed {
                report = notRun(planned[index], .runDeadline(seconds: context.settings.maxRunSeconds, before: "before this case started"))
            } else if context.circuit.isOpen(threshold: context.settings.maxConsecutiveTransportFailures) {
                report = notRun(planned[index], type: "transport.target-silent",
                                reason: "not run: the target stopped answering (\(context.settings.maxConsecutiveTransportFailures) consecutive connect/timeout failures)")
            } else {
                report = CaseExecution(planned: planned[index], context: context, session: session).run()
            }
            results.set(index, report)
            gate.release()
            progress?(index, planned.count, report)
        }
    }

    private func notRun(_ planned: PlannedCase, type: String, reason: String) -> CaseReport {
        notRun(planned, Problem(type: type, message: reason, detail: reason))
    }

    private func notRun(_ planned: PlannedCase, _ problem: Problem) -> CaseReport {
        CaseReport(classname: planned.file.classname, name: planned.displayName, time: 0,
                   outcome: .error(problem),
                   location: planned.definition.location.description, transcript: nil, retries: [], clientRequestIDs: [])
    }
}

/// Hands out case indices to workers in the given order.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0
    private let order: [Int]

    init(order: [Int]) { self.order = order }

    func next() -> Int? {
        lock.withLock {
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }
}

/// One slot per planned case, filled by whichever worker ran it.
typealias ResultSlots = OrderedSlots<CaseReport>
