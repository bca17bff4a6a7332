import Foundation
import Reporting
import Testing

/// Drives `ConsoleReporter` into a temporary file and reads back what it wrote.
final class ConsoleCapture {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("console-\(UUID().uuidString).txt")
    let handle: FileHandle

    init() throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        handle = try FileHandle(forWritingTo: url)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    func reporter(tty: Bool, color: Bool? = nil, verbosity: ConsoleReporter.Verbosity = .normal,
                  environment: [String: String] = [:]) -> ConsoleReporter {
        ConsoleReporter(output: handle, isTTY: tty, color: color, verbosity: verbosity, environment: environment)
    }
}

@Suite struct ConsoleReporterTests {
    static let cases = Fixtures.mixed.suites.flatMap(\.cases)

    static func play(_ reporter: ConsoleReporter, report: RunReport = Fixtures.mixed) {
        let cases = report.suites.flatMap(\.cases)
        for (index, item) in cases.enumerated() {
            reporter.caseStarted(index: index, total: cases.count, classname: item.classname, name: item.name)
            reporter.caseFinished(index: index, total: cases.count, item)
        }
        reporter.summary(report, junitPath: "reports/junit.xml", jsonPath: "reports/report.json")
    }

    @Test func nonTTYWritesOnePlainLinePerCaseAndCountLineLast() throws {
        let capture = try ConsoleCapture()
        Self.play(capture.reporter(tty: false, color: true))
        let lines = capture.text.components(separatedBy: "\n")
        #expect(Array(lines.prefix(5)) == [
            "[1/5] PASS  graph.workPosition.patch › PATCH isCurrent[allowedAudiences=organization] (0.100s)",
            "[2/5] FAIL  graph.workPosition.patch › PATCH isCurrent[allowedAudiences=organization] (0.200s)",
            "[3/5] SKIP  graph.workPosition.patch › PATCH unknown property (0.050s)",
            "[4/5] ERROR graph.workPosition.list › paging follows @odata.nextLink (1.000s)",
            "[5/5] PASS  graph.workPosition.list › paging stops (0.300s)",
        ])
        #expect(lines.suffix(2) == ["2 passed, 1 failed, 1 errors, 1 skipped", ""])
        #expect(!capture.text.contains("\u{1B}") && !capture.text.contains("\r"))
        #expect(capture.text.contains("  at cases/patch/partial.yaml:30:7"))
        #expect(capture.text.contains("JUnit report: reports/junit.xml"))
        #expect(capture.text.contains("patch-partial      3       1       1       0        1  0.350s"))
    }

    @Test(arguments: [
        (ReportTotals(tests: 43, failures: 2, skipped: 1), "40 passed, 2 failed, 1 skipped"),
        (ReportTotals(tests: 41), "41 passed, 0 failed"),
        (ReportTotals(tests: 3, failures: 1, errors: 2), "0 passed, 1 failed, 2 errors"),
    ])
    func countLine(_ row: (totals: ReportTotals, expected: String)) {
        #expect(ConsoleReporter.countLine(row.totals) == row.expected)
    }

    @Test func ttyRewritesLiveLineAndColours() throws {
        let capture = try ConsoleCapture()
        Self.play(capture.reporter(tty: true))
        let text = capture.text
        #expect(text.contains("\r\u{1B}[2K[1/5] graph.workPosition.patch › PATCH isCurrent"))
        #expect(text.contains("\u{1B}[31mFAIL \u{1B}[0m"))
        #expect(text.hasSuffix("\n2 passed, 1 failed, 1 errors, 1 skipped\n"))
    }

    @Test(arguments: [
        ("NO_COLOR set", true, ["NO_COLOR": "1"], Bool?.none),
        ("flag off", true, [:], false),
        ("not a TTY", false, [:], true),
        ("dumb terminal", true, ["TERM": "dumb"], nil),
    ])
    func colourOff(_ row: (label: String, tty: Bool, environment: [String: String], color: Bool?)) throws {
        let capture = try ConsoleCapture()
        let reporter = capture.reporter(tty: row.tty, color: row.color, environment: row.environment)
        #expect(!reporter.color, "\(row.label)")
        Self.play(reporter)
        #expect(capture.text.firstMatch(of: /\u{1B}\[[0-9;]*m/) == nil, "SGR colour code with \(row.label)")
    }

    @Test func colourOnWhenEmptyNoColor() throws {
        let capture = try ConsoleCapture()
        #expect(capture.reporter(tty: true, environment: ["NO_COLOR": ""]).color)
    }

    @Test func quietPrintsOnlyProblemsAndCountLine() throws {
        let capture = try ConsoleCapture()
        Self.play(capture.reporter(tty: false, verbosity: .quiet))
        let text = capture.text
        #expect(!text.contains("PASS"))
        #expect(!text.contains("Suite"))
        #expect(text.contains("FAIL  graph.workPosition.patch"))
        #expect(text.hasSuffix("\n2 passed, 1 failed, 1 errors, 1 skipped\n"))
    }

    @Test func summaryOfEmptyRunCountsTheNoCasesError() throws {
        let capture = try ConsoleCapture()
        capture.reporter(tty: false).summary(Fixtures.run([], interrupted: true), junitPath: nil, jsonPath: nil)
        #expect(capture.text.contains("no test cases ran"))
        #expect(capture.text.contains("Interrupted"))
        #expect(capture.text.hasSuffix("\n0 passed, 0 failed, 1 errors\n"))
    }

    @Test func consoleIsRedactedAndSanitized() throws {
        let capture = try ConsoleCapture()
        let leaky = CaseReport(
            classname: "graph.t", name: "Bearer abc.def \u{1B}]0;pwned\u{07}", time: 0,
            outcome: .failed(Problem(type: "graph.x", message: "got " + Fixtures.jwt, detail: "Authorization: Bearer abc.def\n\u{1B}[2J")))
        let reporter = capture.reporter(tty: false, verbosity: .verbose)
        reporter.caseStarted(index: 0, total: 1, classname: leaky.classname, name: leaky.name)
        reporter.caseFinished(index: 0, total: 1, leaky)
        reporter.summary(Fixtures.run([Fixtures.suite("s", "s.yaml", [leaky])]), junitPath: nil, jsonPath: nil)
        let text = capture.text
        #expect(!text.contains(Fixtures.jwt) && !text.contains("abc.def") && !text.contains("\u{1B}"))
        #expect(text.contains("[REDACTED]"))
    }

    @Test func concurrentReportsKeepLinesWhole() async throws {
        let capture = try ConsoleCapture()
        let reporter = capture.reporter(tty: false)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    reporter.caseFinished(index: index, total: 200,
                                          CaseReport(classname: "graph.t", name: "case \(index)", time: 0.001, outcome: .passed))
                }
            }
        }
        let lines = capture.text.split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.allSatisfy { $0.hasPrefix("[") && $0.hasSuffix("(0.001s)") })
    }
}
