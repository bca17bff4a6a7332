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
/// the copy of the XSD kept beside the reporting goldens (test-only).
public enum JUnitSchema {
    public static let xsd = BuiltProduct.repoRoot.appendingPathComponent("Tests/ReportingTests/Goldens/jenkins-xunit-junit-10.xsd").path

    public static var xmllint: String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// xmllint's complaint about the file, or nil when it validates (or when xmllint is missing:
    /// check `xmllint` first where that matters).
    public static func problems(inFile path: String) throws -> String? {
        guard let xmllint else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", xsd, path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
    }
}
