import Foundation
import TestSupport
import Testing

/// `graph-conformance explore` as a user runs it: exit codes, reports, written case files.
@Suite("explore command", .serialized)
struct ExploreCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
    }

    static func explore(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = BuiltProduct.executable
        process.currentDirectoryURL = BuiltProduct.repoRoot
        process.arguments = ["explore", "--junit", directory.appendingPathComponent("junit.xml").path,
                             "--json", directory.appendingPathComponent("report.json").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self))
    }

    static func temporary() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("explore-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func findsWritesAndReproduces() throws {
        let work = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: work) }
        var written: [String] = []
        for attempt in 0..<2 {
            let out = work.appendingPathComponent("found\(attempt)")
            let run = try Self.explore(["--budget", "300", "--seed", "3", "--jobs", "1", "--mock-defect", "doubles-as-float", "--out", out.path], in: work)
            #expect(run.status == 1, "\(run.stdout)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(!files.isEmpty)
            written.append(try files.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }.joined())
            let junit = try String(contentsOf: work.appendingPathComponent("junit.xml"), encoding: .utf8)
            #expect(junit.contains("exploration summary") && junit.contains("<failure") && junit.contains("/inference/confidenceScore"))
        }
        #expect(written[0] == written[1], "the same seed writes the same case")
    }

    @Test func cleanMockExitsZero() throws {
        let work = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try Self.explore(["--budget", "300", "--seed", "5", "--out", work.appendingPathComponent("found").path], in: work)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("found").path))
        let report = try String(contentsOf: work.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(report.contains("explore.seed") && report.contains("explore.budget"))
    }
}
