@testable import CaseModel
import Foundation
import JSONShape
import Testing

@Suite struct YAMLNodeTests {
    /// Yams marks are 1-based; other projects have been bitten by shifting them (STYLE.md).
    @Test func marksAreOneBasedLineAndColumn() throws {
        let node = try YAMLNode.parse("a: 1\nsteps:\n  - method: GET\n", file: "f.yaml")
        let steps = try #require(node.mapping?[1].value.sequence)
        let method = try #require(steps[0].mapping?[0])
        #expect(method.key.location == SourceLocation(file: "f.yaml", line: 3, column: 5))
        #expect(steps[0].location.line == 3)
    }

    @Test(arguments: [
        ("plain words stay strings", "no", JSONValue.string("no")),
        ("dates stay strings", "2019-04-01", .string("2019-04-01")),
        ("quoted numbers stay strings", "'8'", .string("8")),
        ("integers", "8", .int(8)),
        ("decimals keep their literal", "1.50", .number(JSONNumber(literal: "1.50"))),
        ("booleans", "true", .bool(true)),
        ("null", "~", .null),
        ("empty is null", "", .null),
        ("yes is not a boolean in YAML 1.2", "yes", .string("yes")),
    ])
    func scalarsFollowTheYAML12CoreSchema(label: String, text: String, expected: JSONValue) throws {
        let node = try YAMLNode.parse("v: \(text)\n", file: "s.yaml")
        let value = try #require(node.mapping?.first?.value)
        #expect(value.jsonValue == expected, "\(label)")
        if case .number(let number) = expected {
            #expect(value.jsonValue.numberValue?.literal == number.literal)
        }
    }

    @Test func syntaxErrorNamesFileAndLine() {
        #expect(throws: Diagnostic.self) { try YAMLNode.parse("a: [\n  b\n", file: "bad.yaml") }
        do {
            _ = try YAMLNode.parse("a: 1\nb: [\n", file: "bad.yaml")
        } catch {
            #expect(error.location.file == "bad.yaml")
            #expect(error.location.line >= 2)
            #expect(error.message.contains("invalid YAML"))
        }
    }

    @Test func templateReferencesAreFoundWithFilters() {
        let (references, errors) = Template.references(in: "/users/${user.readWrite.upn | upper}/x/${position.id}")
        #expect(errors.isEmpty)
        #expect(references.map(\.path) == [["user", "readWrite", "upn"], ["position", "id"]])
        #expect(references[0].filters == ["upper"])
        #expect(Template.wholeReference("${policy.scopeDenialStatuses}")?.path == ["policy", "scopeDenialStatuses"])
        #expect(Template.wholeReference("x${a}") == nil)
        #expect(Template.references(in: "${oops").errors.count == 1)
    }

    /// Yams would hash an expanded alias bomb used as a key before any limit applies: refused up front.
    @Test func aliasesAsMappingKeysAreRefusedQuickly() throws {
        let bomb = (0..<12).map { "a\($0 + 1): &a\($0 + 1) [*a\($0), *a\($0), *a\($0)]" }.joined(separator: "\n")
        let text = "a0: &a0 [x]\n" + bomb + "\nm: {? *a12 : 1, ? *a12 : 2}\n"
        let started = Date()
        #expect(throws: Diagnostic.self) { try YAMLNode.parse(text, file: "bomb.yaml") }
        #expect(Date().timeIntervalSince(started) < 2)
        do {
            _ = try YAMLNode.parse("k: &k v\n*k : 1\n", file: "key.yaml")
            Issue.record("an implicit alias key must be refused")
        } catch {
            #expect(error.location.line == 2 && error.message.contains("alias"))
        }
    }

    /// The scan that replaced two regular expressions must agree with them on every line:
    /// the regexes are the oracle here, over generated lines of YAML's structural characters.
    @Test func aliasKeyScanAgreesWithTheRegularExpressions() {
        let alphabet: [Character] = ["*", "?", ":", " ", "\t", "a", "b", ",", "{", "[", "]", "}", "-"]
        var random = SystemRandomNumberGenerator()
        // One instance each: a regex compiles on first use and keeps its program.
        let explicitKey = /(^|[\s{,\[])\?\s+\*/
        let implicitKey = /(^|[\s{,\[])\*[^\s,\]}]+\s*:(\s|$)/
        var checked = 0
        for length in 1...9 {
            for _ in 0..<3_000 {
                let line = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
                let text = String(line)
                let expected = text.contains(explicitKey) || text.contains(implicitKey)
                #expect(YAMLNode.usesAliasAsKey(line) == expected, "\(text.debugDescription)")
                checked += 1
            }
        }
        #expect(checked == 27_000)
    }

    /// Lines are counted on LF, so a CRLF file's alias key is reported on its own line.
    @Test func aliasKeyLineCountsCRLFLines() {
        #expect(YAMLNode.aliasKeyLine(in: "a: &k 1\r\nb: 2\r\n*k : 3\r\n") == 3)
        #expect(YAMLNode.aliasKeyLine(in: "é: &k 1\nnote: \"*k : x\"\n? *k\n: 3\n") == 3)
        #expect(YAMLNode.aliasKeyLine(in: "a: [*k]\n") == nil)
    }

    @Test func aliasLookalikesInQuotesAndCommentsAreFine() throws {
        let node = try YAMLNode.parse("path: \"/x/*a: b\"\nnote: '? *b'  # *c: d\nlist: [*x]\n".replacingOccurrences(of: "[*x]", with: "[x]"), file: "ok.yaml")
        #expect(node.mapping?.count == 3)
    }
}
