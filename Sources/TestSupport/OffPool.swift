import Foundation

/// Runs blocking work on a thread of its own and awaits it, so the caller's cooperative thread is
/// free meanwhile.
///
/// Swift Testing runs tests in parallel on the cooperative pool, which has one thread per core:
/// on a 2-core CI machine two tests that block (a subprocess wait, a semaphore, a long synchronous
/// loop) leave no thread for any other async test, whose clocks then run on while nothing happens.
/// Anything in a test that blocks for more than a moment goes through here.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// `offPool` for work that cannot throw.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
