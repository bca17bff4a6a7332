import Foundation
import Reporting
import Testing

@Suite struct ReportFileTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesCreatesParentsAndLeavesNoTemporaryFiles() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("reports/nested/junit.xml")
        let xml = JUnitWriter.render(Fixtures.mixed)
        try ReportFile.writeAtomically(xml, to: target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == xml)
        let listing = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(listing == ["junit.xml"])
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    /// Replacing a bigger file with a smaller one must not leave the old tail behind, and a reader
    /// holding the old file keeps seeing the complete old document (rename, not truncate-and-write).
    @Test func replacesWholeFileAtomically() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("junit.xml")
        let big = JUnitWriter.render(Fixtures.mixed)
        try ReportFile.writeAtomically(big, to: target.path)
        let reader = try FileHandle(forReadingFrom: target)
        defer { try? reader.close() }
        let small = JUnitWriter.render(Fixtures.passing)
        try ReportFile.writeAtomically(small, to: target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == small)
        #expect(String(decoding: reader.readDataToEndOfFile(), as: UTF8.self) == big)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["junit.xml"])
    }

    @Test func failureThrowsAndCleansUp() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("child"), withIntermediateDirectories: true)
        #expect(throws: ReportFileError.self) { try ReportFile.writeAtomically("x", to: target.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["occupied"])
    }
}
