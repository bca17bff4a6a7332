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

    static func renderString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
