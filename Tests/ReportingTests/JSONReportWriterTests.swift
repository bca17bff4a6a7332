import Foundation
import Reporting
import Testing

@Suite struct JSONReportWriterTests {
    @Test func sameCountsAndNamesAsXML() throws {
        let json = JSONReportWriter.render(Fixtures.mixed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["tests"] as? Int == 5)
        #expect(totals["failures"] as? Int == 1)
        #expect(totals["errors"] as? Int == 1)
        #expect(totals["skipped"] as? Int == 1)
        let xml = JUnitWriter.render(Fixtures.mixed)
        let suites = try #require(object["suites"] as? [[String: Any]])
        for name in suites.flatMap({ ($0["cases"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }) {
            #expect(xml.contains("name=\"\(XMLText.escapeAttribute(name))\""))
        }
    }

    @Test func keyOrderIsStable() {
        let json = JSONReportWriter.render(Fixtures.failing)
        let keys = ["\"name\"", "\"runID\"", "\"startedAt\"", "\"hostname\"", "\"interrupted\"", "\"totals\"", "\"properties\"", "\"suites\""]
        let positions = keys.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(JSONReportWriter.render(Fixtures.failing) == json)
    }

    @Test func redactsAndEscapes() throws {
        let report = Fixtures.run([Fixtures.suite("s", "s.yaml", [
            CaseReport(classname: "graph.t", name: "q\"uote\\ \u{1}", time: 0, outcome: .passed,
                       transcript: "Authorization: Bearer abc.def\n" + Fixtures.jwt + " secret-1"),
        ])])
        let json = JSONReportWriter.render(report, secrets: ["secret-1"])
        #expect(!json.contains("abc.def") && !json.contains(Fixtures.jwt) && !json.contains("secret-1"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cases = try #require(((object["suites"] as? [[String: Any]])?.first?["cases"]) as? [[String: Any]])
        #expect(cases.first?["name"] as? String == "q\"uote\\ \\u0001")
    }

    /// Multi-byte text goes through byte for byte and reads back as the same string.
    @Test func multiByteTextRoundTrips() throws {
        let name = "Zoë 😀 \u{2028} e\u{301} 名前 \"q\" \\"
        let report = Fixtures.run([Fixtures.suite("s", "s.yaml", [
            CaseReport(classname: "graph.t", name: name, time: 0, outcome: .passed, transcript: "é\nü\t😀"),
        ])])
        let json = JSONReportWriter.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cases = try #require(((object["suites"] as? [[String: Any]])?.first?["cases"]) as? [[String: Any]])
        #expect(cases.first?["name"] as? String == "Zoë 😀 e\u{301} 名前 \"q\" \\", "U+2028 is a line break: one line, one space")
        #expect(cases.first?["transcript"] as? String == "é\nü\t😀")
    }

    /// Each mismatch is an object with pointer, expected, actual and a file:line:col location.
    @Test func mismatchesAreObjects() throws {
        let json = JSONReportWriter.render(Fixtures.failing)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cases = try #require(((object["suites"] as? [[String: Any]])?.first?["cases"]) as? [[String: Any]])
        let problem = try #require(cases.first?["problem"] as? [String: Any])
        let mismatches = try #require(problem["mismatches"] as? [[String: Any]])
        #expect(mismatches.count == 3)
        let first = try #require(mismatches.first)
        #expect(first["pointer"] as? String == "/detail/company/displayName")
        #expect(first["actual"] as? String == "null")
        #expect((first["expected"] as? String)?.hasPrefix("\"Contoso\"") == true)
        #expect(first["location"] as? String == "cases/patch/partial.yaml:14:9")
        #expect(mismatches[1]["pointer"] is NSNull && mismatches[1]["subject"] as? String == "header content-type")
    }

    /// A token that a server echoes into a mismatch is redacted like any other text.
    @Test func mismatchFieldsAreRedacted() {
        let problem = Problem(type: "graph.contract-mismatch", message: "m", detail: "step 1", mismatches: [
            Mismatch(pointer: "/a", expected: "secret-1", actual: Fixtures.jwt, location: "x.yaml:1:1",
                     comparison: .init(snapshot: "secret-1", current: "Bearer abc.def")),
        ])
        let report = Fixtures.run([Fixtures.suite("s", "s.yaml", [CaseReport(classname: "graph.t", name: "n", time: 0, outcome: .failed(problem))])])
        let prepared = PreparedReport(report, secrets: ["secret-1"])
        for text in [JSONReportWriter.render(prepared), JUnitWriter.render(prepared)] {
            #expect(!text.contains("secret-1") && !text.contains(Fixtures.jwt) && !text.contains("abc.def"), "\(text)")
        }
    }

    /// One preparation serves every writer and gives what each writer's own preparation gave.
    @Test func onePreparationServesEveryWriter() {
        let prepared = PreparedReport(Fixtures.mixed, secrets: ["s3cr3t"])
        var options = JUnitOptions()
        options.secrets = ["s3cr3t"]
        #expect(JUnitWriter.render(prepared, options: options) == JUnitWriter.render(Fixtures.mixed, options: options))
        #expect(JSONReportWriter.render(prepared) == JSONReportWriter.render(Fixtures.mixed, secrets: ["s3cr3t"]))
    }
}
