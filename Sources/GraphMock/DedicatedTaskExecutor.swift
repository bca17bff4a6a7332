import Foundation

/// A few threads of the mock's own that run its request handling (SE-0417 task executor).
///
/// Without it every request would be a task on the shared cooperative pool — two threads on a
/// 2-core machine — so anything in the same process that blocks or hogs that pool (a test runner
/// running synchronous tests, a client waiting on curl) would starve the server and time out its
/// clients. Actors without a custom executor, such as the position store, follow a task's
/// preferred executor, so the whole request stays on these threads.
final class DedicatedTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init(threads: Int, name: String) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in run() }
            thread.name = "\(name) \(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.withLock {
            jobs.append(unowned)
            condition.signal()
        }
    }

    /// Lets the threads finish the jobs already queued, then end.
    func shutdown() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    private func run() {
        while true {
            let next: UnownedJob? = condition.withLock {
                while jobs.isEmpty, !stopped { condition.wait() }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let job = next else { return }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
