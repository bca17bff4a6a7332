import Foundation

/// Where the repository and the built `graph-conformance` binary are, for tests that run the
/// product as a user would (test-only).
public enum BuiltProduct {
    /// The repository root, found from this file's own path.
    public static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits beside the test bundle in the build products folder (on some layouts one
    /// or two levels up); `.build/debug` is the fallback.
    public static var executable: URL {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("graph-conformance")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repoRoot.appendingPathComponent(".build/debug/graph-conformance")
    }
}

/// Validation against the schema the Jenkins xUnit plugin enforces (JUnit CONVENTIONS.md), with
/// the copy of the XSD kept beside the reporting goldens: the one xmllint wrapper (test-only).
public enum JUnitSchema {
    public static let xsd = BuiltProduct.repoRoot.appendingPathComponent("Tests/ReportingTests/Goldens/jenkins-xunit-junit-10.xsd").path

    public static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var isAvailable: Bool { xmllint != nil }

    /// xmllint's complaint about the file, or nil when it validates (or when xmllint is missing:
    /// check `isAvailable` first where that matters).
    public static func problems(inFile path: String) throws -> String? {
        guard let xmllint else { return nil }
        let result = try ChildProcess.run(["--noout", "--schema", xsd, path], executable: URL(fileURLWithPath: xmllint), timeout: 120)
        return result.status == 0 ? nil : result.stderr + result.stdout + (result.status == nil ? "\n[xmllint killed after 120 s]" : "")
    }

    /// As `problems(inFile:)`, for a document in memory (written to a temporary file).
    public static func problems(in xml: String) throws -> String? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try problems(inFile: path)
    }
}
