/// The `${...}` references inside a string: parsed once for lint, resolved by the runner.
public struct TemplateReference: Sendable, Hashable {
    /// `position.id` → ["position", "id"].
    public var path: [String]
    /// `| upper`, `| lower`, `| urlencode`.
    public var filters: [String]
    /// The text between `${` and `}`.
    public var source: String
    /// Offset of `${` in the string, in characters.
    public var offset: Int

    public static let knownFilters = ["upper", "lower", "urlencode"]
}

public enum Template {
    /// Every reference in `text`; a malformed one (unclosed, empty) is returned as an error text.
    public static func references(in text: String) -> (references: [TemplateReference], errors: [String]) {
        // Most texts hold no reference: a byte scan says so without splitting into Characters.
        guard mayHoldReference(text) else { return ([], []) }
        // In ASCII without CR every byte is one Character, so byte offsets are the Character offsets
        // callers index with, and the scan can skip grapheme breaking (it ran for every request).
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return scan(Array(text.utf8), of: text, dollar: UInt8(ascii: "$"), open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) {
                String(decoding: $0, as: UTF8.self)
            }
        }
        return scan(Array(text), of: text, dollar: "$", open: "{", close: "}") { String($0) }
    }

    /// The reference scan over `units`: bytes or Characters of `text`.
    private static func scan<Unit: Equatable>(
        _ units: [Unit], of text: String, dollar: Unit, open: Unit, close: Unit, string: (ArraySlice<Unit>) -> String
    ) -> (references: [TemplateReference], errors: [String]) {
        var references: [TemplateReference] = []
        var errors: [String] = []
        var index = 0
        while index < units.count - 1 {
            guard units[index] == dollar, units[index + 1] == open else {
                index += 1
                continue
            }
            guard let closing = units[(index + 2)...].firstIndex(of: close) else {
                errors.append("unclosed '${' in \"\(text)\"")
                break
            }
            let inner = string(units[(index + 2)..<closing])
            let parts = inner.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces() }
            let path = parts[0].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts[0].isEmpty || path.contains(where: { $0.isEmpty }) {
                errors.append("malformed variable '${\(inner)}'")
            } else {
                references.append(TemplateReference(path: path, filters: Array(parts.dropFirst()), source: inner, offset: index))
            }
            index = closing + 1
        }
        return (references, errors)
    }

    /// Whether the bytes `${` occur in `text`. Without them there is no reference; with them the
    /// Character scan decides (a combining mark after `$` or `{` makes one Character of it, which
    /// that scan does not take for a reference).
    public static func mayHoldReference(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// True when the whole string is exactly one reference, so its value keeps its JSON type.
    public static func wholeReference(_ text: String) -> TemplateReference? {
        let (references, errors) = references(in: text)
        guard errors.isEmpty else { return nil }
        return wholeReference(text, references: references)
    }

    /// `wholeReference` for a text whose references are already parsed (without errors).
    public static func wholeReference(_ text: String, references: [TemplateReference]) -> TemplateReference? {
        guard references.count == 1, let only = references.first else { return nil }
        return only.offset == 0 && "${\(only.source)}".count == text.count ? only : nil
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var result = Substring(self)
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
