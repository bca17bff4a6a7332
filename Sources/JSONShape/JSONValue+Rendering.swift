/// Compact or pretty JSON text for bodies we send, snapshots and messages.
extension JSONValue {
    public func rendered(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var output = ""
        render(into: &output, pretty: pretty, sortedKeys: sortedKeys, indent: 0)
        return output
    }

    public var utf8Bytes: [UInt8] { Array(rendered().utf8) }

    /// A one-line rendering cut to `limit` characters (the trailing "…" included), for "got …"
    /// in diagnostics. Cuts fall between grapheme clusters, never inside one.
    public func excerpt(limit: Int = 80) -> String {
        let text = rendered()
        return text.count <= limit ? text : String(text.prefix(max(limit - 1, 0))) + "…"
    }

    private func render(into output: inout String, pretty: Bool, sortedKeys: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let number): output += number.literal
        case .string(let text): JSONValue.renderString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                element.render(into: &output, pretty: pretty, sortedKeys: sortedKeys, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "]"
        case .object(let object):
            if object.isEmpty { output += "{}"; return }
            output += "{"
            let members = sortedKeys ? object.members.sorted { $0.key < $1.key } : object.members
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                if pretty { output += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.renderString(member.key, into: &output)
                output += pretty ? ": " : ":"
                member.value.render(into: &output, pretty: pretty, sortedKeys: sortedKeys, indent: indent + 1)
            }
            if pretty { output += "\n" + String(repeating: "  ", count: indent) }
            output += "}"
        }
    }

    /// Appends `text` as a JSON string literal. Runs of characters that need no escape are
    /// appended whole (only ASCII bytes are ever escaped, so every cut falls on a scalar
    /// boundary); appending scalar by scalar was most of the cost of rendering a body.
    static func renderString(_ text: String, into output: inout String) {
        output += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
                if runStart != index { output += text[runStart..<index] }
                switch byte {
                case UInt8(ascii: "\""): output += "\\\""
                case UInt8(ascii: "\\"): output += "\\\\"
                case UInt8(ascii: "\n"): output += "\\n"
                case UInt8(ascii: "\r"): output += "\\r"
                case UInt8(ascii: "\t"): output += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if runStart != utf8.endIndex { output += text[runStart...] }
        output += "\""
    }
}
