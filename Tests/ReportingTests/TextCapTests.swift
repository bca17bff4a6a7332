import Foundation
@testable import Reporting
import Testing

@Suite struct TextCapTests {
    @Test func shortTextUnchanged() {
        #expect(TextCap.bytes("hello", max: 5) == "hello")
    }

    @Test func keepsHeadAndTailWithinCap() throws {
        let middle = String(repeating: "é😀x", count: 20_000)  // multi-byte around every cut
        let text = "HEAD-MARK\n" + middle + "\nTAIL-MARK"
        let capped = TextCap.bytes(text, max: 1000)
        #expect(capped.utf8.count <= 1000)
        #expect(capped.hasPrefix("HEAD-MARK\n"))
        #expect(capped.hasSuffix("\nTAIL-MARK"))
        let marker = try #require(capped.firstMatch(of: /…\[(\d+) bytes truncated\]…/))
        let omitted = try #require(Int(marker.1))
        let kept = capped.utf8.count - TextCap.marker(omitting: omitted).utf8.count
        #expect(omitted + kept == text.utf8.count)
        // Cut on character boundaries: nothing decoded as replacement, no broken emoji.
        #expect(!capped.contains("\u{FFFD}"))
    }

    @Test func combiningSequenceNotSplit() {
        let text = String(repeating: "e\u{301}", count: 1000)  // é as e + combining acute
        let capped = TextCap.bytes(text, max: 101)
        let head = capped.components(separatedBy: "\n…[").first
        let tail = capped.components(separatedBy: "]…\n").last
        #expect(head?.unicodeScalars.last == "\u{301}", "head must not end inside a cluster")
        #expect(tail?.unicodeScalars.first == "e", "tail must not start with a lone combining mark")
    }

    @Test func oneLineFlattensAndShortens() {
        #expect(TextCap.oneLine("a\n b\t\tc") == "a b c")
        let long = TextCap.oneLine(String(repeating: "x", count: 600))
        #expect(long.count == 500)
        #expect(long.hasSuffix("…"))
    }

    /// Text that is one line already comes back as it is; anything else is flattened, trimmed,
    /// collapsed or shortened, multi-byte text included.
    @Test(arguments: [
        ("plain-id 123", "plain-id 123"), ("", ""), (" lead", "lead"), ("trail ", "trail"), ("a  b", "a b"),
        ("a\rb", "a b"), ("a\u{0B}b", "a b"), ("del\u{7F}kept", "del\u{7F}kept"), ("é  ü", "é ü"),
        ("line\u{2028}sep", "line sep"), (String(repeating: "y", count: 500), String(repeating: "y", count: 500)),
    ])
    func oneLineKeepsWhatIsAlreadyOneLine(_ row: (text: String, expected: String)) {
        #expect(TextCap.oneLine(row.text) == row.expected)
    }

    @Test(arguments: [
        (0.12, "0.120"), (0, "0.000"), (-1, "0.000"), (Double.nan, "0.000"), (Double.infinity, "0.000"),
        (0.0005, "0.001"), (0.0004, "0.000"), (1234.5678, "1234.568"), (59.9999, "60.000"), (1.05, "1.050"),
    ])
    func secondsHaveThreeDecimals(_ row: (value: Double, expected: String)) {
        #expect(ReportFormat.seconds(row.value) == row.expected)
    }

    @Test func timestampIsUTCSecondsZ() {
        #expect(ReportFormat.timestamp(Fixtures.start.addingTimeInterval(0.999)) == "2026-11-29T10:00:00Z")
    }
}
