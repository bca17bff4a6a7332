/// Size limits for report text: byte caps that keep head and tail, and one-line attribute values.
///
/// CI readers choke on or silently cut large reports (CONVENTIONS rule 21); the first lines say what
/// failed and the last lines usually say why, so both ends are kept and the middle goes.
enum TextCap {
    /// Longest `message` attribute, in characters (rule 9: one short line).
    static let messageCharacters = 500

    /// Returns `text` unchanged if it fits in `maxBytes` of UTF-8; otherwise head and tail joined by
    /// a line "…[N bytes truncated]…", the result at most `maxBytes`, cut on character boundaries.
    static func bytes(_ text: String, max maxBytes: Int) -> String {
        let total = text.utf8.count
        guard total > maxBytes else { return text }
        let reserve = marker(omitting: total).utf8.count
        let budget = Swift.max(0, maxBytes - reserve)
        let utf8 = text.utf8
        let headEnd = characterBoundary(in: text, atOrBefore: utf8.index(utf8.startIndex, offsetBy: budget / 2))
        let tailStart = characterBoundary(
            in: text, atOrAfter: utf8.index(utf8.endIndex, offsetBy: -(budget - budget / 2)))
        let head = text[..<headEnd]
        let tail = text[tailStart...]
        let omitted = total - head.utf8.count - tail.utf8.count
        return String(head) + marker(omitting: omitted) + String(tail)
    }

    /// One line of at most `maxCharacters` characters: line breaks and tabs become spaces, runs of
    /// spaces collapse, and an over-long value ends in "…".
    static func oneLine(_ text: String, maxCharacters: Int = messageCharacters) -> String {
        if isOneLineAlready(text, maxCharacters: maxCharacters) { return text }
        let words = text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" })
        let line = words.joined(separator: " ")
        guard line.count > maxCharacters else { return line }
        return String(line.prefix(Swift.max(0, maxCharacters - 1))) + "…"
    }

    /// Short ASCII text without line breaks, tabs, or spaces to collapse or trim comes out of
    /// `oneLine` unchanged (in ASCII a byte is a character); most names and ids are such text.
    private static func isOneLineAlready(_ text: String, maxCharacters: Int) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= maxCharacters, utf8.first != UInt8(ascii: " "), utf8.last != UInt8(ascii: " ") else { return false }
        var previous: UInt8 = 0
        for byte in utf8 {
            guard byte > 0x20 && byte < 0x7F || byte == UInt8(ascii: " ") && previous != UInt8(ascii: " ") else { return false }
            previous = byte
        }
        return true
    }

    static func marker(omitting bytes: Int) -> String {
        "\n…[\(bytes) bytes truncated]…\n"
    }

    private static func characterBoundary(in text: String, atOrBefore index: String.Index) -> String.Index {
        var index = index
        while index > text.startIndex, String.Index(index, within: text) == nil {
            index = text.utf8.index(before: index)
        }
        return index
    }

    private static func characterBoundary(in text: String, atOrAfter index: String.Index) -> String.Index {
        var index = index
        while index < text.endIndex, String.Index(index, within: text) == nil {
            index = text.utf8.index(after: index)
        }
        return index
    }
}
