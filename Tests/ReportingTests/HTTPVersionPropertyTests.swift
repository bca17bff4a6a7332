import Foundation
import Reporting
import Testing

/// `target.httpVersion`: what the target's answers came over, in the reports and the console.
@Suite struct HTTPVersionPropertyTests {
    @Test(arguments: [
        ("nothing answered", [:], "none"),
        ("all HTTP/2", ["2": 860], "2"),
        ("all HTTP/1.1", ["1.1": 12], "1.1"),
        ("mixed, most used first", ["1.1": 3, "2": 850], "2 (850), 1.1 (3)"),
        ("a tie is ordered by version", ["2": 4, "1.1": 4], "1.1 (4), 2 (4)"),
        ("zero counts are left out", ["2": 7, "1.1": 0], "2"),
    ])
    func valueNamesEveryVersionSeen(row: String, counts: [String: Int], expected: String) {
        let property = ReportProperty.httpVersion(responsesPerVersion: counts)
        #expect(property.name == "target.httpVersion", "\(row)")
        #expect(property.value == expected, "\(row)")
    }

    @Test func consoleSummaryNamesTheTargetAndItsHTTPVersion() throws {
        var report = Fixtures.run([Fixtures.suite("s", "s.yaml", [CaseReport(classname: "c", name: "n", time: 0.1, outcome: .passed)])])
        report.properties.append(.httpVersion(responsesPerVersion: ["2": 3]))
        let capture = try ConsoleCapture()
        capture.reporter(tty: false).summary(report, junitPath: "reports/junit.xml", jsonPath: nil)
        let lines = capture.text.components(separatedBy: "\n")
        #expect(lines.contains("Target: http://127.0.0.1:8080/beta over HTTP/2"), "\(capture.text)")
        #expect(lines.suffix(2) == ["1 passed, 0 failed", ""])
    }

    @Test func bothReportsCarryTheProperty() throws {
        var report = Fixtures.run([])
        report.properties.append(.httpVersion(responsesPerVersion: ["1.1": 5]))
        let xml = JUnitWriter.render(report, options: JUnitOptions())
        #expect(xml.contains(#"<property name="target.httpVersion" value="1.1"/>"#))
        let json = JSONReportWriter.render(report, secrets: [])
        #expect(json.contains(#""target.httpVersion""#))
    }
}
