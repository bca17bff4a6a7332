import NIOCore

/// Runs a connection's request handling on that connection's own event loop (SE-0417 task executor).
///
/// Handling takes microseconds, so it need not leave the loop that read the request: the task,
/// its hops to the position store (an actor without an executor of its own, so it follows the
/// task's preference) and the answer all stay on one thread. A pool of separate threads cost two
/// wake-ups and two thread switches per request, about half the mock's CPU. Event loops are NIO's
/// own threads, never the cooperative pool, so a process that blocks or hogs that pool (a test
/// runner, a client waiting on curl) still cannot starve the server.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        // From the loop's own thread this only appends to its task queue; no wake-up is needed.
        eventLoop.execute { [self] in unowned.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}
