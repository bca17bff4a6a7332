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

/// TEST-ONLY loopback addresses that misbehave below HTTP: a port nobody listens on, and a listener
/// whose accept queue is full so new connection attempts are never completed (their SYNs are
/// dropped and the client's connect() just waits) — a connect timeout without leaving 127.0.0.1.
public final class StalledListener: @unchecked Sendable {
    public let port: Int
    private let listenFD: Int32
    private var fillers: [Int32] = []

    /// Listens with backlog 0 and never accepts, then fills the queue with idle connections until a
    /// further connect attempt stays pending. Throws when the kernel would not stall (then a connect
    /// timeout cannot be produced on loopback here).
    public init() throws {
        let (fd, port) = try Self.bindLoopback()
        guard listen(fd, 0) == 0 else {
            close(fd)
            throw ScriptedServer.StartError(description: "listen failed: errno \(errno)")
        }
        listenFD = fd
        self.port = port
        // Linux keeps backlog + 1 completed connections; a few more attempts make sure it is full.
        for _ in 0..<8 {
            let (client, connected) = Self.connectNonBlocking(port: port, waitMs: 200)
            fillers.append(client)
            if !connected {
                return  // this attempt is stalled: the queue is full
            }
        }
        stop()
        throw ScriptedServer.StartError(description: "the accept queue never filled; SYNs are not being dropped")
    }

    deinit { stop() }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func stop() {
        for fd in fillers { close(fd) }
        fillers.removeAll()
        close(listenFD)
    }

    /// A loopback port that was just bound and released, so connecting to it is refused.
    public static func refusedPort() throws -> Int {
        let (fd, port) = try bindLoopback()
        close(fd)
        return port
    }

    private static func bindLoopback() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScriptedServer.StartError(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(fd)
            throw ScriptedServer.StartError(description: "bind on 127.0.0.1 failed: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// Starts a non-blocking connect and waits up to `waitMs` for it to complete.
    private static func connectNonBlocking(port: Int, waitMs: Int32) -> (Int32, Bool) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let result = Loopback.connect(fd, port: port)
        if result == 0 { return (fd, true) }
        guard errno == EINPROGRESS else { return (fd, true) }
        var pollFD = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        return (fd, poll(&pollFD, 1, waitMs) > 0)
    }
}
