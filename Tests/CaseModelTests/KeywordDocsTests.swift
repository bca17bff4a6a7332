import CaseModel
import Foundation
import Testing

/// The `expect` table in cases/README.md documents exactly the keywords the decoder accepts: a
/// keyword added to `Assertion` without a row (or a row left behind after a removal) fails here.
@Suite struct KeywordDocsTests {
    /// Keys of the first column of the table under "### `expect`", e.g. `present`, `"null"`.
    static func documentedKeys() throws -> [String] {
        let readme = try String(contentsOf: TestContract.repoRoot.appendingPathComponent("cases/README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex(of: "### `expect`"), "cases/README.md has no '### `expect`' section")
        var keys: [String] = []
        for line in lines[(heading + 1)...].drop(while: { !$0.hasPrefix("|") }) {
            guard line.hasPrefix("|") else { break }
            let cell = line.split(separator: "|", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            // Each key is written in backticks; a cell may list several (`present`, `absent`).
            let names = cell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            keys += names.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return keys
    }

    @Test func readmeTableListsEveryKeywordOnce() throws {
        let documented = try Self.documentedKeys()
        #expect(documented.count == Set(documented).count, "a keyword is documented twice: \(documented)")
        #expect(Set(documented) == Set(Assertion.Keyword.allCases.map(\.rawValue)),
                "cases/README.md's expect table and Assertion.Keyword differ: \(Set(documented).symmetricDifference(Assertion.Keyword.allCases.map(\.rawValue)))")
    }
}
