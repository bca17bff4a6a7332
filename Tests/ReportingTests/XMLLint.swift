import Foundation

/// Runs `xmllint --schema` on generated XML: the same check the Jenkins xUnit plugin applies.
enum XMLLint {
    static let executable = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { executable != nil }

    /// The enforced schema, copied beside the goldens so a fresh clone needs nothing else.
    static var schema: URL { Golden.url("jenkins-xunit-junit-10.xsd") }

    /// Validates `xml` from a temporary file; returns xmllint's exit status and combined output.
    static func validate(_ xml: String) throws -> (ok: Bool, output: String) {
        guard let executable else { return (false, "xmllint not installed") }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("reporting-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--noout", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }
}
