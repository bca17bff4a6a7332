import CaseModel
import Foundation
import Testing

/// The tables in cases/README.md document exactly the keywords the decoder accepts and the
/// built-in variables the runner defines: one added to `Assertion` or `BuiltinVariable` without a
/// row (or a row left behind after a removal) fails here.
@Suite struct KeywordDocsTests {
    /// The backticked items of the first column of the first table under `heading`.
    static func firstColumn(under heading: String) throws -> [String] {
        let readme = try String(contentsOf: TestContract.repoRoot.appendingPathComponent("cases/README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading), "cases/README.md has no '\(heading)' section")
        var items: [String] = []
        for line in lines[(start + 1)...].drop(while: { !$0.hasPrefix("|") }) {
            guard line.hasPrefix("|") else { break }
            let cell = line.split(separator: "|", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            // Each item is written in backticks; a cell may list several (`present`, `absent`).
            items += cell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return items
    }

    /// Keys of the table under "### `expect`", e.g. `present`, `"null"`.
    static func documentedKeys() throws -> [String] {
        try firstColumn(under: "### `expect`").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// Built-in variable roots of the table under "## Variables": `${now}` → now, `${user.PRINCIPAL.id}` → user.
    @Test func readmeTableListsEveryBuiltinVariable() throws {
        let roots = try Self.firstColumn(under: "## Variables").compactMap { item -> String? in
            guard item.hasPrefix("${") else { return nil }
            return String(item.dropFirst(2).prefix { $0.isLetter || $0.isNumber })
        }
        let documented = Set(roots).subtracting(["name"])  // `${name}`: a capture, not a built-in
        #expect(documented == Set(BuiltinVariable.allCases.map(\.rawValue)),
                "cases/README.md's Variables table and BuiltinVariable differ: \(documented.symmetricDifference(BuiltinVariable.allCases.map(\.rawValue)))")
    }

    @Test func readmeTableListsEveryKeywordOnce() throws {
        let documented = try Self.documentedKeys()
        #expect(documented.count == Set(documented).count, "a keyword is documented twice: \(documented)")
        #expect(Set(documented) == Set(Assertion.Keyword.allCases.map(\.rawValue)),
                "cases/README.md's expect table and Assertion.Keyword differ: \(Set(documented).symmetricDifference(Assertion.Keyword.allCases.map(\.rawValue)))")
    }
}
