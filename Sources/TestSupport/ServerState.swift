import Dispatch
import Foundation
#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the server's threads share, split from ScriptedServer so the threads never keep the
/// server object itself alive (its deinit is what stops a forgotten server).
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    /// Entered by every server thread, so stop() can wait for all of them.
    let threads = DispatchGroup()
    // Guarded by `lock`:
    private var stopping = false
    private var openConnections = Set<Int32>()
    private var parsedRequests: [ParsedRequest] = []
    private var acceptedCount = 0

    var isStopping: Bool {
        lock.withLock { stopping }
    }

    var requests: [ParsedRequest] {
        lock.withLock { parsedRequests }
    }

    var connectionCount: Int {
        lock.withLock { acceptedCount }
    }

    func record(_ request: ParsedRequest) {
        lock.withLock { parsedRequests.append(request) }
    }

    /// Registers an accepted socket; false (and the caller closes it) once stopping.
    func admit(_ fd: Int32) -> Bool {
        lock.withLock {
            guard !stopping else { return false }
            openConnections.insert(fd)
            acceptedCount += 1
            return true
        }
    }

    /// Closes a connection under the lock so stop() never shuts down a recycled descriptor.
    func release(_ fd: Int32) {
        lock.withLock {
            openConnections.remove(fd)
            close(fd)
        }
    }

    /// Marks the server stopping and wakes blocked connection threads; true only on the first call.
    func beginStopping() -> Bool {
        lock.withLock {
            guard !stopping else { return false }
            stopping = true
            for fd in openConnections {
                shutdown(fd, Int32(SHUT_RDWR))
            }
            return true
        }
    }
}
