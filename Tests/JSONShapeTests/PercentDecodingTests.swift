import Foundation
import JSONShape
import Testing

/// `PercentEncoding.decode` replaced Foundation's `removingPercentEncoding` in the mock's router:
/// Foundation is the oracle, over generated strings of escapes (valid, truncated, non-hex,
/// non-UTF-8) and plain text. One Foundation quirk is not copied: on Linux it turns some stray
/// bytes (`%A9`) into U+FFFD yet refuses others (`%80`, `%FF`); `decode` refuses every byte
/// sequence that is not UTF-8.
@Suite struct PercentDecodingTests {
    @Test func decodingAgreesWithFoundation() {
        let pieces = ["%", "%2", "%2F", "%2f", "%C3%A9", "%C3", "%A9", "%FF", "%00", "%zz", "%G1", "a", "Z", "é", "+", " ", "/", "😀", "%E2%82%AC"]
        var random = SystemRandomNumberGenerator()
        var disagreements: [String] = []
        for length in 0...7 {
            for _ in 0..<2_000 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
                let foundation = text.removingPercentEncoding
                let expected = foundation?.contains("\u{FFFD}") == true ? nil : foundation
                if PercentEncoding.decode(text) != expected { disagreements.append(text) }
            }
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(5))")
    }

    @Test func escapesRoundTrip() {
        for text in ["a/b c", "Ünïcødé €", "100%", "x+y=z&w", ""] {
            #expect(PercentEncoding.decode(PercentEncoding.component(text)) == text)
        }
        #expect(PercentEncoding.decode("%41%42") == "AB")
        #expect(PercentEncoding.decode("%4") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
        #expect(PercentEncoding.decode("a%A9b") == nil)
    }
}
