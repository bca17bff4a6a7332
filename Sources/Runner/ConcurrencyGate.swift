import Foundation

/// The permits workers take before starting a case: at most `limit` cases run at once. The limit is
/// fixed (`--concurrency fixed`) or follows a `ConcurrencyLimit` fed with every answer.
///
/// Cases take permits: a case's requests go one after another, so running cases bound the requests
/// in flight (a case sleeping in a `wait` holds its permit, and its worker, meanwhile). A cut does
/// not stop cases already running, so each request also passes `enterRequest`: it waits while as
/// many requests as the limit are in flight — never, unless the limit was just cut below the
/// number of running cases. Without that, a target that throttles while more than N requests are
/// in flight would keep getting more than N from the cases that were running when it pushed back.
final class ConcurrencyGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var controller: ConcurrencyLimit
    private let adaptive: Bool
    private var running = 0
    /// Requests sent and not yet answered.
    private var sending = 0
    /// Threads waiting for a permit or to send. Wake-ups go out only when someone waits: a
    /// broadcast after every answer woke every waiting worker just to send it back to sleep.
    private var waiting = 0
    private var highest = 0
    private var pushbacks = 0
    /// Each worker thread's CPU clock when it was last read, and the answers it has had since.
    private var cpuMarks: [ObjectIdentifier: (seconds: Double, answers: Int)] = [:]
    private var cpuSpent = 0.0
    private var cpuAnswers = 0
    /// CPU clocks are read once per this many answers, not per answer: a CPU-time clock is a real
    /// system call (no vDSO), and reading one per answer was 2% of a CPU-bound run.
    static let cpuSampleAnswers = 4
    /// Workers that have had an answer (their connection is open).
    private var answered: Set<ObjectIdentifier> = []
    private let cpuClock: @Sendable () -> Double
    private let wholeProcess: Bool
    /// The process's CPU clock at the last measurement (`wholeProcess` only).
    private var processMark: Double
    /// Told the new limit whenever it grows, so the run can start another worker.
    private let raised: @Sendable (Int) -> Void

    /// `wholeProcess`: local CPU per answer is the process's (the target lives in it), not only the workers'.
    init(adaptive: Bool, cap: Int, initial: Int = ConcurrencyGate.initialLimit, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
         wholeProcess: Bool = false, raised: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.adaptive = adaptive
        controller = ConcurrencyLimit(initial: adaptive ? initial : cap, cap: cap, cores: cores)
        cpuClock = wholeProcess ? ThreadCPUClock.processSeconds : ThreadCPUClock.seconds
        self.wholeProcess = wholeProcess
        processMark = wholeProcess ? ThreadCPUClock.processSeconds() : 0
        self.raised = raised
    }

    /// Where an adaptive run starts: the old fixed default, which keeps a CPU-bound run as it was.
    static let initialLimit = 4

    /// Blocks until fewer than `limit` cases run, then counts the caller's case in.
    func acquire() {
        let perThread = adaptive && !wholeProcess
        let now = perThread ? cpuClock() : 0
        condition.withLock {
            while running >= controller.limit { wait() }
            running += 1
            highest = max(highest, running)
            // A new case: answers still unmeasured from the last one are measured up to here (the
            // end of that case's work), and the time blocked for this permit stays out.
            if perThread { measureThread(ObjectIdentifier(Thread.current), now: now) }
        }
    }

    func release() {
        condition.withLock {
            running -= 1
            wakeWaiters()
        }
    }

    /// Before each request (retries included): waits while `limit` requests are in flight.
    func enterRequest() {
        condition.withLock {
            while sending >= controller.limit { wait() }
            sending += 1
        }
    }

    /// After each request, answered or not.
    func leaveRequest() {
        condition.withLock {
            sending = max(0, sending - 1)
            wakeWaiters()
        }
    }

    /// An answer with `status` to a request sent at `sent`; called on the worker thread that sent it.
    func observe(status: Int, sent: Date) {
        let received = Date()
        let grownTo: Int? = condition.withLock {
            if status == 429 || status == 503 { pushbacks += 1 }
            guard adaptive else { return nil }
            let thread = ObjectIdentifier(Thread.current)
            if wholeProcess {
                cpuAnswers += 1
                if cpuAnswers >= Self.cpuSampleAnswers {
                    let now = cpuClock()
                    controller.record(cpuSecondsPerRequest: max(0, now - processMark) / Double(cpuAnswers))
                    processMark = now
                    cpuAnswers = 0
                }
            } else if var mark = cpuMarks[thread] {
                mark.answers += 1
                cpuMarks[thread] = mark
                if mark.answers >= Self.cpuSampleAnswers { measureThread(thread, now: cpuClock()) }
            }
            // A worker's first answer also paid for its connection (TCP, TLS): not the target's latency.
            let connected = !answered.insert(thread).inserted
            let change = controller.observe(status: status, sentAt: sent.timeIntervalSinceReferenceDate,
                                            receivedAt: received.timeIntervalSinceReferenceDate, inFlight: running,
                                            latencySample: connected)
            guard change == .grew else { return nil }
            wakeWaiters()
            return controller.limit
        }
        if let grownTo { raised(grownTo) }
    }

    /// Adds the calling worker's CPU since its mark, spread over its answers since then, and marks
    /// `now` (its own CPU clock); records a measurement every `cpuSampleAnswers` answers. Lock held.
    private func measureThread(_ thread: ObjectIdentifier, now: Double) {
        if let mark = cpuMarks[thread], mark.answers > 0 {
            cpuSpent += max(0, now - mark.seconds)
            cpuAnswers += mark.answers
            if cpuAnswers >= Self.cpuSampleAnswers {
                controller.record(cpuSecondsPerRequest: cpuSpent / Double(cpuAnswers))
                cpuSpent = 0
                cpuAnswers = 0
            }
        }
        cpuMarks[thread] = (now, 0)
    }

    /// Waits on the condition (its lock held), counted so wake-ups go out only when needed.
    private func wait() {
        waiting += 1
        condition.wait()
        waiting -= 1
    }

    /// Wakes every waiter, if any (with the lock held): each rechecks what it waits for.
    private func wakeWaiters() {
        if waiting > 0 { condition.broadcast() }
    }

    var limit: Int { condition.withLock { controller.limit } }
    /// The most cases that ran at once.
    var peak: Int { condition.withLock { highest } }
    /// 429 and 503 answers seen (retried or not).
    var pushbackCount: Int { condition.withLock { pushbacks } }
}
