import Identifiers

/// Strings across the Unicode classes `Edm.String` allows (reference §9.5: any Unicode, no
/// MaxLength): ASCII, JSON escapes and control characters, Latin-1, combining marks,
/// right-to-left scripts, CJK, astral-plane characters (emoji, CJK extension B), ZWJ sequences,
/// line/paragraph separators, the BOM, private use and noncharacters — at lengths 0 to 1,000.
enum UnicodeSamples {
    /// Each class as a pool of scalars (a scalar or a short cluster per entry).
    static let classes: [[String]] = [
        ["a", "Z", "0", " ", "-", "_", "~", "Engineer"],
        ["\"", "\\", "/", "\n", "\t", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}"],
        ["é", "ß", "ñ", "ø", "©", "\u{A0}", "\u{AD}", "ÿ"],
        ["e\u{301}", "a\u{308}", "\u{1E9B}\u{323}", "\u{0915}\u{094D}\u{0937}"],
        ["\u{5D0}", "\u{627}", "\u{202E}", "\u{200F}", "\u{FB50}"],
        ["中", "文", "日本", "한", "\u{3000}", "\u{FF21}"],
        ["\u{1F600}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{20000}", "\u{1D11E}", "\u{10FFFD}", "\u{1F1E9}\u{1F1EA}"],
        ["\u{2028}", "\u{2029}", "\u{FEFF}", "\u{E000}", "\u{FFFD}"] + [0xFFFE, 0xFDD0].map { String(Character(Unicode.Scalar($0)!)) },
    ]

    static func string(random: inout SeededRandom) -> String {
        let length = random.pick([0, 1, 2, 5, 12, 40, 40, 80, 255, 256, 1000])
        // One or two classes per string, so a breach tied to one class shows up often enough to find.
        let first = random.pick(classes)
        let second = random.chance(40) ? random.pick(classes) : first
        var text = ""
        for _ in 0..<length { text += random.chance(50) ? random.pick(first) : random.pick(second) }
        return text
    }
}
