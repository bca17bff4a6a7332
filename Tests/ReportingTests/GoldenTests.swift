import Foundation
import Reporting
import TestSupport
import Testing

/// Whole-document goldens for each outcome, plus schema validation of the same documents.
@Suite struct GoldenTests {
    static let names = Fixtures.goldens.map(\.name)

    static func report(_ name: String) -> RunReport {
        Fixtures.goldens.first { $0.name == name }!.report
    }

    @Test(arguments: names)
    func junitMatchesGolden(_ name: String) throws {
        try Golden.check(JUnitWriter.render(Self.report(name)), named: "\(name).xml")
    }

    @Test(arguments: names)
    func jsonMatchesGolden(_ name: String) throws {
        try Golden.check(JSONReportWriter.render(Self.report(name)), named: "\(name).json")
    }

    @Test(.enabled(if: JUnitSchema.isAvailable, "xmllint is not installed"), arguments: names)
    func junitValidatesAgainstEnforcedSchema(_ name: String) throws {
        let problems = try JUnitSchema.problems(in: JUnitWriter.render(Self.report(name)))
        #expect(problems == nil, "\(name): \(problems ?? "")")
    }

    @Test(arguments: names)
    func jsonParses(_ name: String) throws {
        let data = Data(JSONReportWriter.render(Self.report(name)).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["name"] as? String == "graph-conformance")
    }

    /// The copy must stay the enforced schema: compared with shared/ beside the repository when present.
    @Test func schemaCopyMatchesSharedReference() throws {
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let shared = repoRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/reference/junit/jenkins-xunit-junit-10.xsd")
        let copy = try Data(contentsOf: Golden.url("jenkins-xunit-junit-10.xsd"))
        #expect(String(decoding: copy, as: UTF8.self).contains("The MIT License (MIT)"))
        if let reference = try? Data(contentsOf: shared) {
            #expect(copy == reference, "Goldens/jenkins-xunit-junit-10.xsd differs from \(shared.path)")
        }
    }
}
