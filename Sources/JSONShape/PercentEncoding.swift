/// Percent-encoding (RFC 3986 §2.1) with the two character sets the package needs: the one place
/// ids, `${x | urlencode}` values and query values are escaped, client and mock alike.
///
/// By hand over UTF-8 bytes, upper-case hex as §2.1 recommends; `Foundation.CharacterSet` would
/// also pass non-ASCII letters through when a copy used `.alphanumerics`.
public enum PercentEncoding {
    /// Everything but the unreserved characters (§2.3: `A-Z a-z 0-9 - . _ ~`) escaped: safe as one
    /// path segment or inside any other component.
    public static func component(_ text: String) -> String {
        encode(text) { isUnreserved($0) }
    }

    /// A query value: unreserved characters plus the OData-friendly ones Graph's own examples leave
    /// bare (`$ , ' ( ) :`); `&`, `=`, `+`, `#` and the rest are escaped.
    public static func queryValue(_ text: String) -> String {
        encode(text) { isUnreserved($0) || Self.odataKept.contains($0) }
    }

    /// Undoes percent-encoding as Foundation's `removingPercentEncoding` does (nil for a `%` not
    /// followed by two hex digits, or for bytes that are not UTF-8), on the bytes: the mock decodes
    /// every path segment of every request, and the Foundation path bridged each to NSString.
    public static func decode(_ text: String) -> String? {
        // A concrete String, not `some StringProtocol`: a generic across the module boundary ran
        // unspecialized, through protocol witnesses for every byte of every path segment.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                continue
            }
            guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else { return nil }
            out.append(high << 4 | low)
        }
        return UTF8Text.validated(out)
    }

    public static func decode(_ text: Substring) -> String? {
        decode(String(text))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static let odataKept: Set<UInt8> = Set("$,'():".utf8)

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    private static func encode(_ text: String, keeping kept: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if kept(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
