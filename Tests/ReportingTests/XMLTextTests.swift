import Foundation
import Reporting
import Testing

@Suite struct XMLTextTests {
    @Test(arguments: [
        ("plain", "abc", "abc"),
        ("tab, newline, return kept", "a\tb\nc\rd", "a\tb\nc\rd"),
        ("NUL", "a\u{0}b", "a\\u0000b"),
        ("lone ESC", "a\u{1B}b", "a\\u001Bb"),
        ("colour codes stripped", "\u{1B}[1;31mred\u{1B}[0m", "red"),
        ("OSC title stripped", "\u{1B}]0;title\u{07}x", "x"),
        ("C1 CSI stripped", "\u{9B}2Jx", "x"),
        ("DEL", "\u{7F}", "\\u007F"),
        ("C1 NEL", "\u{85}", "\\u0085"),
        ("U+FFFE", "\u{FFFE}", "\\uFFFE"),
        ("U+FFFF", "\u{FFFF}", "\\uFFFF"),
        ("astral kept", "😀", "😀"),
        ("replacement kept", "\u{FFFD}", "\u{FFFD}"),
    ])
    func sanitize(_ row: (label: String, input: String, expected: String)) {
        #expect(XMLText.sanitize(row.input) == row.expected, "\(row.label)")
    }

    @Test func escapeTextEscapesMarkupAndCDATAEnd() {
        #expect(XMLText.escapeText("a & b < c > d \"e\" ]]>\nf") == "a &amp; b &lt; c &gt; d &quot;e&quot; ]]&gt;\nf")
    }

    @Test func escapeAttributeIsSingleLine() {
        #expect(XMLText.escapeAttribute("a\nb\tc\rd \"q\" <x>") == "a b c d &quot;q&quot; &lt;x&gt;")
    }

    @Test func escapesAreVisibleAndSanitized() {
        #expect(XMLText.escapeText("\u{1}\u{1B}[32mok") == "\\u0001ok")
    }

    /// A Swift String cannot hold a lone surrogate: decoding replaces it, and the result is XML-safe.
    @Test func loneSurrogateArrivesAsReplacement() {
        let decoded = String(decoding: [0x61, 0xD800, 0x62] as [UInt16], as: UTF16.self)
        #expect(decoded == "a\u{FFFD}b")
        #expect(XMLText.sanitize(decoded) == "a\u{FFFD}b")
    }
}
