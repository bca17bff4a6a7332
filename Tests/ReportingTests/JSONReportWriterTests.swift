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
}
