import JSONShape

/// JSON values as YAML flow text that Yams reads back to the same value: double-quoted strings
/// with every character YAML does not allow raw (C0/C1 controls, surrogates, U+FEFF, U+FFFE/FFFF,
/// line and paragraph separators) written as `\u`/`\U` escapes.
enum YAMLFlow {
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.literal
        case .string(let text): return quote(text)
        case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { quote($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                let value = scalar.value
                let printable = (0x20...0x7E).contains(value)
                    || ((0xA0...0xD7FF).contains(value) && value != 0x2028 && value != 0x2029)
                    || ((0xE000...0xFFFD).contains(value) && value != 0xFEFF) || (0x10000...0x10FFFF).contains(value)
                if printable {
                    output.unicodeScalars.append(scalar)
                } else if value <= 0xFFFF {
                    output += "\\u" + hex(value, width: 4)
                } else {
                    output += "\\U" + hex(value, width: 8)
                }
            }
        }
        return output + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
