import Foundation
import JSONShape
import Testing

/// Shared helpers: the contract CSDL from the repository, and JSON literals from text.
enum Support {
    /// The package root, found from this file's path (Tests/JSONShapeTests/Support.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let contractPath = "cases/contract/workposition.csdl.xml"

    static let contractText: String = {
        let url = repositoryRoot.appendingPathComponent(contractPath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("cannot read \(url.path)")
        }
        return text
    }()

    /// The registry every contract test shares, loaded once.
    static let contract: ShapeRegistry = {
        do {
            return try ShapeRegistry.loadingCSDL(contractText, file: contractPath)
        } catch {
            fatalError("contract CSDL does not load: \(error)")
        }
    }()

    /// The 1-based line of the first line of the contract containing `fragment`, so tests never
    /// hard-code line numbers of a data file.
    static func contractLine(containing fragment: String) -> Int? {
        contractText.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(where: { $0.contains(fragment) }).map { $0 + 1 }
    }

    static func json(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JSONValue {
        do {
            return try JSONParser.parse(text).value
        } catch {
            Issue.record("fixture is not JSON: \(error)", sourceLocation: sourceLocation)
            return .null
        }
    }
}

/// A named table row: Swift Testing shows `name` for each argument.
protocol NamedRow: Sendable, CustomTestStringConvertible {
    var name: String { get }
}

extension NamedRow {
    var testDescription: String { name }
}
