import CaseModel
import Foundation
import JSONShape
import Testing

/// Conventions every case in the catalogue keeps, checked on the decoded steps (after group
/// expansion), so a new case cannot quietly break them.
@Suite struct CatalogueConventionTests {
    /// Every decoded case file of the catalogue (not the contract or the targets).
    static func catalogue() throws -> [CaseFile] {
        let root = TestContract.repoRoot.appendingPathComponent("cases")
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var files: [CaseFile] = []
        for case let url as URL in enumerator where url.pathExtension == "yaml" {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            if relative.hasPrefix("contract/") || relative.hasPrefix("targets/") { continue }
            let sink = DiagnosticSink()
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = try #require(CaseFileDecoder.load(text: text, path: "cases/" + relative, context: TestContract.loaded.context, sink: sink))
            #expect(!sink.hasErrors, "\(relative): \(sink.diagnostics)")
            files.append(file)
        }
        return files
    }

    /// Reference §9.4: ids and UPNs are opaque strings, so every variable that becomes part of a
    /// path is percent-encoded as one segment (RFC 3986 §3.3). A GUID passes unencoded, so only
    /// this check, not a run, notices a missing `| urlencode`.
    @Test func everyVariableInAPathIsPercentEncoded() throws {
        let offenders = Self.unencodedPathVariables(in: try Self.catalogue())
        #expect(offenders.isEmpty, "path variables without '| urlencode':\n\(offenders.joined(separator: "\n"))")
    }

    /// The check above can fail: a bare `${user.readWrite.id}` in a path is reported.
    @Test func aBarePathVariableIsNoticed() throws {
        let text = """
            suite: bare
            cases:
              - name: bare id
                steps:
                  - {method: GET, path: "/users/${user.readWrite.id}/profile/positions/${p | urlencode}"}
            """
        let file = try #require(CaseFileDecoder.load(text: text, path: "bare.yaml", context: TestContract.loaded.context, sink: DiagnosticSink()))
        #expect(Self.unencodedPathVariables(in: [file]).map { $0.prefix(10) } == ["bare.yaml:"])
    }

    static func unencodedPathVariables(in files: [CaseFile]) -> [String] {
        var offenders: [String] = []
        for file in files {
            let steps = file.setup + file.teardown + file.cases.flatMap { $0.setup + $0.steps + $0.teardown }
            for step in steps {
                for reference in Template.references(in: step.path).references where reference.filters.last != "urlencode" {
                    offenders.append("\(step.location): ${\(reference.source)} in \(step.path)")
                }
            }
        }
        return offenders
    }
}
