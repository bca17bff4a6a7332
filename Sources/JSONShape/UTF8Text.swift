/// Strict UTF-8 to String, without the standard library's generic `String(validating:as:)`: that
/// one is not specialised for bytes, and looking up its generic metadata on every call was a
/// sixth of the JSON parser's time (2% of the runner's CPU per request).
enum UTF8Text {
    /// The text when `bytes` are valid UTF-8, else nil. Checked first, so invalid input stops at
    /// its first bad byte instead of being decoded (and repaired) whole.
    static func validated(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    static func validated(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { validated($0) }
    }

    /// Well-formed UTF-8 as the Unicode Standard's table 3-7 defines it: no overlongs, no
    /// surrogates, nothing past U+10FFFF, no truncated or stray continuation bytes.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The sequence length, and the range the second byte must fall in.
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard count - index >= length, (low...high).contains(bytes[index + 1]) else { return false }
            var next = index + 2
            while next < index + length {
                guard bytes[next] & 0xC0 == 0x80 else { return false }
                next += 1
            }
            index += length
        }
        return true
    }
}
