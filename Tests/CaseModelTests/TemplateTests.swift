import CaseModel
import Testing

/// `${…}` references: offsets are in Characters whichever scan (bytes or Characters) found them.
@Suite struct TemplateTests {
    private static func summary(_ text: String) -> [String] {
        Template.references(in: text).references.map { "\($0.offset):\($0.path.joined(separator: ".")):\($0.filters.joined(separator: ","))" }
    }

    @Test func asciiReferencesWithOffsetsPathsAndFilters() {
        #expect(Self.summary("a ${x.y} b ${z | upper}") == ["2:x.y:", "11:z:upper"])
        #expect(Template.references(in: "${a").errors.count == 1)
        #expect(Template.references(in: "${ } ${a..b}").errors.count == 2)
    }

    @Test func offsetsCountCharactersNotBytes() {
        #expect(Self.summary("é ${x}") == ["2:x:"])
        #expect(Self.summary("a\r\n${x}") == ["2:x:"], "CR LF is one Character")
        #expect(Self.summary("😀${x}${y}") == ["1:x:", "5:y:"])
        // A combining mark after `$` makes one Character of it: not a reference.
        #expect(Self.summary("$\u{301}{x}").isEmpty)
    }

    @Test func wholeReferenceNeedsTheWholeText() {
        #expect(Template.wholeReference("${a.b}")?.path == ["a", "b"])
        #expect(Template.wholeReference("${a}x") == nil)
        #expect(Template.wholeReference("é${a}") == nil)
    }

    /// The byte scan (ASCII text) and the Character scan (the same text with a non-ASCII tail) find
    /// the same references at the same offsets, over random texts of reference syntax.
    @Test func byteAndCharacterScansAgree() {
        var generator = Xoshiro(seed: 0x7E3A_11CE)
        let alphabet = Array("${}|. ab\n")
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let ascii = Template.references(in: text)
            let characters = Template.references(in: text + " é")
            #expect(ascii.references == characters.references, "\(text.debugDescription)")
            #expect(ascii.errors.count == characters.errors.count, "\(text.debugDescription)")
        }
    }
}
