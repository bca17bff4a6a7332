#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Random (version 4) UUIDs, drawn from a buffer of kernel randomness that is refilled 256 UUIDs at
/// a time.
///
/// Foundation's `UUID()` opens, reads and closes `/dev/urandom` for every UUID: three system calls
/// per request on both sides of a run, about 5% of the runner's CPU per request. The bytes here
/// come from the same kernel source (`getentropy`), only fetched in bulk.
public enum RandomUUID {
    /// 16 random bytes with the version (4) and variant (RFC 4122) bits set.
    public static func bytes() -> [UInt8] {
        var uuid = pool.withLock { $0.take(16) }
        uuid[6] = (uuid[6] & 0x0F) | 0x40
        uuid[8] = (uuid[8] & 0x3F) | 0x80
        return uuid
    }

    /// Lowercase 8-4-4-4-12 text, the form Graph uses for `client-request-id` and `request-id`.
    public static func string() -> String {
        format(bytes())
    }

    /// Formats 16 bytes as lowercase 8-4-4-4-12 text.
    public static func format(_ uuid: [UInt8]) -> String {
        precondition(uuid.count == 16, "a UUID has 16 bytes")
        let hex = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { text in
            var out = 0
            for (index, byte) in uuid.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[out] = UInt8(ascii: "-")
                    out += 1
                }
                text[out] = hex[Int(byte >> 4)]
                text[out + 1] = hex[Int(byte & 0x0F)]
                out += 2
            }
            return out
        }
    }

    private static let pool = Mutex(EntropyPool())
}

/// Kernel randomness fetched 4 KiB at a time and handed out in order; each byte is used once.
private struct EntropyPool {
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private var used = 4096

    mutating func take(_ count: Int) -> [UInt8] {
        if used + count > buffer.count { refill() }
        defer { used += count }
        return Array(buffer[used..<(used + count)])
    }

    private mutating func refill() {
        buffer.withUnsafeMutableBytes { raw in
            // getentropy hands out at most 256 bytes a call: 16 calls per 256 UUIDs.
            for chunk in stride(from: 0, to: raw.count, by: 256) {
                let length = min(256, raw.count - chunk)
                if getentropy(raw.baseAddress! + chunk, length) != 0 {
                    // No getrandom in this kernel (before 3.17): the standard library's generator.
                    var generator = SystemRandomNumberGenerator()
                    for index in chunk..<(chunk + length) { raw[index] = generator.next() }
                }
            }
        }
        used = 0
    }
}
