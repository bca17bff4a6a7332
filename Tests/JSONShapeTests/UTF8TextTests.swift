@testable import JSONShape
import Testing

/// `UTF8Text.validated` against the standard library's `String(validating:as:)` on byte strings
/// built to hit UTF-8's edge cases: overlongs, surrogates, truncated and stray continuation bytes,
/// code points past U+10FFFF, and a literal U+FFFD (the replacement a repair would produce).
@Suite struct UTF8TextTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("𝄞".utf8), [0xEF, 0xBF, 0xBD],
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9D, 0x84], [0xFF], [0xFE], [0x00], [0x7F],
    ]

    @Test func agreesWithTheStandardLibraryOnEdgeCases() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 6) { bytes += Self.pieces[next() % Self.pieces.count] }
            let expected = String(validating: bytes, as: UTF8.self)
            #expect(UTF8Text.validated(bytes) == expected, "\(bytes)")
        }
    }

    @Test func keepsValidTextExactlyAndRefusesRepairs() {
        #expect(UTF8Text.validated(Array("plain ASCII".utf8)) == "plain ASCII")
        #expect(UTF8Text.validated(Array("Zoë – 日本 🎉 \u{FFFD}".utf8)) == "Zoë – 日本 🎉 \u{FFFD}")
        #expect(UTF8Text.validated([0x61, 0xFF, 0x62]) == nil)
        #expect(UTF8Text.validated([0xE2, 0x82]) == nil, "truncated at the end")
        #expect(UTF8Text.validated([]) == "")
    }
}
