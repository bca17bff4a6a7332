/// A JSON value with ordered object keys, and its pretty-printed spelling.
///
/// `JSONEncoder` sorts keys or keeps them in hash order; a report meant for diffing wants the order
/// a person reads in (name first, cases last), so the few lines of printing are done here.
/// Numbers are stored pre-spelled so times keep exactly three decimals.
indirect enum JSONNode {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object([(String, JSONNode)])

    /// Two-space indented JSON with a trailing newline.
    func rendered() -> String {
        // Built as bytes: appending to a String scalar by scalar was most of a report's render time.
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, depth: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let value): Self.writeString(value, into: &out)
        case .number(let value): out.append(contentsOf: value.utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.indent(depth + 1, into: &out)
                item.write(into: &out, depth: depth + 1)
                out.append(contentsOf: (index == items.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (index, (key, value)) in members.enumerated() {
                Self.indent(depth + 1, into: &out)
                Self.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, depth: depth + 1)
                out.append(contentsOf: (index == members.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// RFC 8259 section 7: quote, backslash and C0 controls must be escaped. All of them are ASCII,
    /// so every other byte, multi-byte UTF-8 included, is copied as it is.
    private static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case ..<0x20: out.append(contentsOf: XMLText.visibleEscape(Unicode.Scalar(byte)).lowercased().utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
