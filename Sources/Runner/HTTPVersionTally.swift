import Foundation

/// How many responses of the run came over each HTTP version ("1.1", "2", …), so the report can
/// say what the target really negotiated (ALPN can silently fall back to HTTP/1.1).
final class HTTPVersionTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func record(_ version: String) {
        lock.withLock { counts[version, default: 0] += 1 }
    }

    var snapshot: [String: Int] {
        lock.withLock { counts }
    }
}
