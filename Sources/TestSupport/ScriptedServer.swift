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

/// TEST-ONLY raw TCP server on 127.0.0.1 that plays scripted (often deliberately broken) HTTP,
/// so client code can be exercised against servers no real framework would let us write.
///
/// Every accepted connection gets its own thread; each request read on it is recorded and handed to
/// the handler, whose `ScriptedBehaviour` decides what goes back on the wire. Never use outside tests.
public final class ScriptedServer: @unchecked Sendable {
    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Ephemeral port the server listens on.
    public let port: Int

    private let state = ServerState()

    /// Starts listening; `handler` picks a behaviour for each request (route on `request.path`).
    public init(handler: @escaping @Sendable (ParsedRequest) -> ScriptedBehaviour) throws {
        let (listenFD, port) = try Self.listenOnLoopback()
        self.port = port
        let state = self.state
        state.threads.enter()
        let thread = Thread {
            Self.acceptLoop(listenFD: listenFD, state: state, handler: handler)
            state.threads.leave()
        }
        thread.name = "ScriptedServer.accept.\(port)"
        thread.start()
    }

    /// Starts a server that behaves the same way for every request.
    public convenience init(_ behaviour: ScriptedBehaviour) throws {
        try self.init { _ in behaviour }
    }

    deinit {
        stop()
    }

    /// "http://127.0.0.1:PORT" with no trailing slash.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// Every request received so far, head and body as (leniently decoded) text.
    public var receivedRequests: [String] {
        requests.map(\.rawText)
    }

    /// Every request received so far, parsed.
    public var requests: [ParsedRequest] {
        state.requests
    }

    /// Number of TCP connections accepted so far (keep-alive reuse shows as fewer connections than requests).
    public var connectionCount: Int {
        state.connectionCount
    }

    /// Stops accepting, aborts open connections and waits (bounded) for all server threads; idempotent.
    public func stop() {
        guard state.beginStopping() else { return }
        _ = state.threads.wait(timeout: .now() + 5)
    }

    private static func acceptLoop(
        listenFD: Int32,
        state: ServerState,
        handler: @escaping @Sendable (ParsedRequest) -> ScriptedBehaviour
    ) {
        defer { close(listenFD) }
        while !state.isStopping {
            var pollFD = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, 50) > 0 else { continue }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else { continue }
            guard state.admit(fd) else {
                close(fd)
                continue
            }
            state.threads.enter()
            let thread = Thread {
                let io = SocketIO(fd: fd) { state.isStopping }
                ScriptedConnection(io: io, handler: handler, record: state.record).run()
                state.release(fd)
                state.threads.leave()
            }
            thread.name = "ScriptedServer.connection"
            thread.start()
        }
    }

    /// Binds 127.0.0.1:0 and reports the port the kernel picked.
    private static func listenOnLoopback() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed: errno \(errno)") }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw StartError(description: "bind/listen on 127.0.0.1 failed: errno \(code)")
        }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw StartError(description: "getsockname failed: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}
