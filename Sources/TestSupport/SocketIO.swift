#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocking socket reads and writes that give up when the server is stopping, and never raise SIGPIPE.
struct SocketIO {
    /// Outcome of one read attempt.
    enum ReadResult {
        case data([UInt8])
        case timedOut
        case closed
    }

    let fd: Int32
    let isStopping: @Sendable () -> Bool

    /// Writes everything; false once the peer is gone or the server is stopping.
    func sendAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                if isStopping() { return false }
                let sent = send(fd, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }

    /// Waits up to `timeoutMs` for data.
    func read(timeoutMs: Int32 = 100) -> ReadResult {
        var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, timeoutMs)
        if ready == 0 || (ready < 0 && errno == EINTR) { return .timedOut }
        if ready < 0 { return .closed }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return .closed }
        return .data(Array(chunk.prefix(count)))
    }

    /// Sleeps in short slices so stop() is never held up by a long interval; false when stopping.
    func pause(seconds: Double) -> Bool {
        var remaining = seconds
        while remaining > 0 {
            if isStopping() { return false }
            let slice = min(remaining, 0.05)
            usleep(useconds_t(slice * 1_000_000))
            remaining -= slice
        }
        return !isStopping()
    }

    /// Half-closes, then drains until the peer closes (bounded), so the peer sees FIN rather than RST.
    func closeGracefully() {
        shutdown(fd, Int32(SHUT_WR))
        for _ in 0..<20 {
            if case .closed = read(timeoutMs: 100) { return }
            if isStopping() { return }
        }
    }

    /// Makes the next close() send a TCP RST instead of a FIN.
    func armReset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }
}
