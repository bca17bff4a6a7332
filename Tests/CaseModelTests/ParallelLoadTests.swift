import CaseModel
import Foundation
import Testing

/// The catalogue is decoded on all cores; what comes out must be what one file at a time gives:
/// the same files in path order and the same diagnostics in the same order.
@Suite struct ParallelLoadTests {
    @Test func parallelLoadEqualsOneFileAtATime() throws {
        let context = TestContract.loaded.context
        let paths = CatalogueLoader.caseFiles(in: [TestContract.repoRoot.appendingPathComponent("cases").path])
        #expect(paths.count > 20)
        // The real catalogue, plus broken files between its files: diagnostics from several files.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-parallel-load-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var broken: [String] = []
        for index in 0..<12 {
            let path = folder.appendingPathComponent("broken-\(index).yaml").path
            let text = index % 3 == 0 ? "suite: [unclosed\n" : "suite: s\nclassname: c\nprincipal: nobody-\(index)\ncases:\n  - name: x\n    steps: []\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            broken.append(path)
        }
        let all = (paths + broken).sorted()

        let parallelSink = DiagnosticSink()
        let parallel = CatalogueLoader.load(paths: all, context: context, sink: parallelSink)

        let oneByOneSink = DiagnosticSink()
        var oneByOne: [CaseFile] = []
        for path in all {
            oneByOne += CatalogueLoader.load(paths: [path], context: context, sink: oneByOneSink)
        }

        #expect(parallel.map(\.path) == oneByOne.map(\.path))
        #expect(parallel.map { $0.cases.count } == oneByOne.map { $0.cases.count })
        #expect(parallelSink.diagnostics.map(\.description) == oneByOneSink.diagnostics.map(\.description))
        #expect(parallelSink.diagnostics.count >= broken.count, "every broken file reported")
    }

    /// A file reached through its folder and by name, or named twice, is loaded (and run) once.
    @Test func aFileNamedTwiceIsListedOnce() throws {
        let auth = TestContract.repoRoot.appendingPathComponent("cases/auth").path
        let inFolder = CatalogueLoader.caseFiles(in: [auth])
        let file = try #require(inFolder.first)
        #expect(CatalogueLoader.caseFiles(in: [auth, file, auth]) == inFolder)
        #expect(CatalogueLoader.caseFiles(in: [file, file]) == [file])
    }
}
