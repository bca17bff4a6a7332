/// Makes arbitrary text safe to place in an XML 1.0 document.
///
/// A character reference does not rescue a forbidden code point (`&#27;` is as fatal as a raw ESC,
/// CONVENTIONS rule 17), so forbidden code points are replaced by a visible `\u001B`-style escape
/// instead. DEL and C1 controls are legal but get the same treatment: they only ever arrive as noise.
public enum XMLText {
    /// Strips ANSI escape sequences, then replaces every code point outside
    /// TAB, LF, CR, U+0020–U+007E, U+00A0–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF with `\uXXXX`.
    /// Lone surrogates cannot live in a Swift `String` (decoding turns them into U+FFFD).
    public static func sanitize(_ s: String) -> String {
        guard !isPlainASCII(s), s.unicodeScalars.contains(where: { !isPlain($0) }) else { return s }
        var out = String.UnicodeScalarView()
        var scalars = s.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "\u{1B}" || scalar == "\u{9B}", let rest = ANSISequence.skip(scalars) {
                scalars = rest
                continue
            }
            scalars = scalars.dropFirst()
            if isPlain(scalar) {
                out.append(scalar)
            } else {
                out.append(contentsOf: visibleEscape(scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// For element text: sanitized, with `&`, `<`, `>` and `"` escaped (a literal `]]>` is illegal
    /// in ordinary text, so `>` is always escaped).
    public static func escapeText(_ s: String) -> String {
        escapeMarkup(sanitize(s), flattenLines: false)
    }

    /// For attribute values: sanitized, single-line (TAB/LF/CR become spaces, since parsers turn
    /// raw newlines in attributes into spaces anyway), with `&`, `<`, `>` and `"` escaped.
    public static func escapeAttribute(_ s: String) -> String {
        escapeMarkup(sanitize(s), flattenLines: true)
    }

    /// True for code points that pass through unchanged.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// True when every byte is printable ASCII, TAB, LF or CR: most report text, settled without
    /// decoding a scalar.
    static func isPlainASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// `\u001B` for ESC: visible, ASCII, and recognisable to anyone who reads JSON or Swift.
    static func visibleEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func escapeMarkup(_ s: String, flattenLines: Bool) -> String {
        // Every byte that changes is ASCII, so the work is on bytes; untouched text is returned as is.
        let needsWork = s.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): true
            case 0x09, 0x0A, 0x0D: flattenLines
            default: false
            }
        }
        guard needsWork else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(flattenLines ? UInt8(ascii: " ") : byte)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
