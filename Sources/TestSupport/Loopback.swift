#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// Connecting a socket to 127.0.0.1, the one address tests ever reach (test-only).
public enum Loopback {
    /// connect(2) on `fd` to 127.0.0.1:`port`; the raw result (0, or -1 with errno set), so a
    /// non-blocking caller can look for EINPROGRESS.
    public static func connect(_ fd: Int32, port: Int) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }

    /// A new TCP socket connected to 127.0.0.1:`port`, or nil.
    public static func connectedSocket(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        guard connect(fd, port: port) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}
