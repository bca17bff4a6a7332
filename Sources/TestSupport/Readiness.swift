import Foundation

/// Waiting for a readiness signal (a server holding a request, a child printing its URL) instead
/// of sleeping a guessed time: the condition is polled every few milliseconds, and `timeout` only
/// turns a hang into a failure, so it can be generous on a loaded machine.
public enum Readiness {
    /// True once `condition` holds; false when `timeout` seconds passed first.
    @discardableResult
    public static func wait(timeout: Double = 60, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    /// `wait` for async tests: polls without holding a cooperative thread.
    public static func wait(timeout: Double = 60, until condition: @escaping @Sendable () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}
