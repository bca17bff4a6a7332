import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reporting
import TestSupport
import Testing

@Suite struct JUnitWriterTests {
    static func parse(_ xml: String) throws -> XMLElement {
        try #require(try XMLDocument(data: Data(xml.utf8), options: []).rootElement())
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    static func testcases(_ root: XMLElement) -> [XMLElement] {
        root.elements(forName: "testsuite").flatMap { $0.elements(forName: "testcase") }
    }

    static func report(_ cases: [CaseReport], interrupted: Bool = false) -> RunReport {
        Fixtures.run([Fixtures.suite("s", "cases/s.yaml", cases)], interrupted: interrupted)
    }

    static func passed(_ name: String, classname: String = "graph.t") -> CaseReport {
        CaseReport(classname: classname, name: name, time: 0.001, outcome: .passed)
    }

    /// Rule 3: counts on every suite and on the root equal what the cases say.
    @Test(arguments: Fixtures.goldens.map(\.name))
    func countsEqualCases(_ name: String) throws {
        let report = Fixtures.goldens.first { $0.name == name }!.report
        let root = try Self.parse(JUnitWriter.render(report))
        var all = [0, 0, 0]
        for suite in root.elements(forName: "testsuite") {
            let cases = suite.elements(forName: "testcase")
            let counts = ["failure", "error", "skipped"].map { kind in cases.filter { !$0.elements(forName: kind).isEmpty }.count }
            #expect(Self.attribute(suite, "tests") == "\(cases.count)")
            #expect(Self.attribute(suite, "failures") == "\(counts[0])")
            #expect(Self.attribute(suite, "errors") == "\(counts[1])")
            #expect(Self.attribute(suite, "skipped") == "\(counts[2])")
            #expect(cases.allSatisfy { $0.elements(forName: "failure").count + $0.elements(forName: "error").count
                + $0.elements(forName: "skipped").count <= 1 })
            all = zip(all, counts).map(+)
        }
        #expect(Self.attribute(root, "tests") == "\(Self.testcases(root).count)")
        #expect(Self.attribute(root, "failures") == "\(all[0])")
        #expect(Self.attribute(root, "errors") == "\(all[1])")
        #expect(root.attributes?.map { $0.name ?? "" }.sorted() == ["errors", "failures", "name", "tests", "time"])
        let totals = ReportTotals(report)
        if totals.tests > 0 {
            #expect(Self.attribute(root, "tests") == "\(totals.tests)")
        }
    }

    @Test func timesHaveThreeDecimalsWhateverTheLocale() throws {
        // Only C and C.UTF-8 may be installed; use a comma locale when one exists.
        let previous = setlocale(LC_ALL, nil).map { String(cString: $0) } ?? "C"
        let candidates: [String] = ["de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "C.UTF-8"]
        for candidate in candidates where setlocale(LC_ALL, candidate) != nil { break }
        defer { setlocale(LC_ALL, previous) }
        let xml = JUnitWriter.render(Fixtures.mixed)
        let times = xml.matches(of: /time="([^"]*)"/).map { String($0.1) }
        #expect(times.count == 8)
        #expect(times.allSatisfy { $0.wholeMatch(of: /[0-9]+\.[0-9]{3}/) != nil }, "\(times)")
        #expect(times.contains("1.000") && times.contains("0.350"))
    }

    @Test func emptyReportYieldsOneErrorCase() throws {
        for report in [Fixtures.run([]), Fixtures.run([Fixtures.suite("a", "cases/a.yaml", [])], interrupted: true)] {
            let root = try Self.parse(JUnitWriter.render(report))
            let cases = Self.testcases(root)
            #expect(cases.count == 1)
            let error = try #require(cases.first?.elements(forName: "error").first)
            #expect(Self.attribute(error, "message") == "no test cases ran")
            #expect(Self.attribute(root, "errors") == "1")
        }
    }

    @Test func emptyHostnameBecomesLocalhost() throws {
        var report = Self.report([Self.passed("x")])
        report.hostname = " \n"
        #expect(JUnitWriter.render(report).contains(#"hostname="localhost""#))
        #expect(JSONReportWriter.render(report).contains(#""hostname": "localhost""#))
    }

    @Test func interruptedRunIsRecordedAsProperty() throws {
        let xml = JUnitWriter.render(Self.report([Self.passed("x")], interrupted: true))
        #expect(xml.contains(#"<property name="run.interrupted" value="true"/>"#))
        #expect(!JUnitWriter.render(Self.report([Self.passed("x")])).contains("run.interrupted"))
    }

    @Test func duplicatesAreDisambiguatedDeterministically() throws {
        let cases = [Self.passed("same"), Self.passed("same"), Self.passed("same #2"), Self.passed("same"),
                     Self.passed("same", classname: "graph.other")]
        let render = { try Self.testcases(Self.parse(JUnitWriter.render(Self.report(cases)))).map {
            (Self.attribute($0, "classname") ?? "") + "|" + (Self.attribute($0, "name") ?? "")
        } }
        let names = try render()
        #expect(names == ["graph.t|same", "graph.t|same #2", "graph.t|same #2 #2", "graph.t|same #3", "graph.other|same"])
        #expect(Set(names).count == names.count)
        #expect(try render() == names)
    }

    @Test func qualifiedNamesStayWithin512() throws {
        let long = String(repeating: "n", count: 600)
        let cases = [Self.passed(long + "a"), Self.passed(long + "b"), Self.passed("short", classname: String(repeating: "c.", count: 300) + "x")]
        let found = try Self.testcases(Self.parse(JUnitWriter.render(Self.report(cases))))
        let qualified = found.map { (Self.attribute($0, "classname") ?? "") + "." + (Self.attribute($0, "name") ?? "") }
        #expect(qualified.allSatisfy { $0.utf16.count <= 512 }, "\(qualified.map { $0.utf16.count })")
        #expect(Set(qualified).count == 3)
        #expect(qualified[0].contains("~") && qualified[0].hasPrefix("graph.t.nnnn"))
    }

    @Test func untypedProblemIsNamespaced() {
        let xml = JUnitWriter.render(Self.report([
            CaseReport(classname: "graph.t", name: "a", time: 0, outcome: .failed(Problem(type: "yaml", message: "", detail: "")))
        ]))
        #expect(xml.contains(#"type="graph.yaml""#))
        #expect(xml.contains(#"<failure message="graph.yaml" type="graph.yaml">graph.yaml</failure>"#))
    }

    @Test func gitlabFileAttributeIsOptIn() {
        let report = Self.report([Self.passed("a")])
        #expect(!JUnitWriter.render(report).contains(#"<testcase name="a" classname="graph.t" time="0.001" file="#))
        var options = JUnitOptions()
        options.gitlabFileAttribute = true
        #expect(JUnitWriter.render(report, options: options).contains(#"time="0.001" file="cases/s.yaml"/>"#))
    }

    @Test(.enabled(if: JUnitSchema.isAvailable, "xmllint is not installed"))
    func hostileTextIsEscapedAndValid() throws {
        var bytes: [UInt8] = [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B]
        bytes += Array("[31mred\u{1B}[0m ".utf8)
        bytes += [0x7F, 0xC2, 0x85, 0xEF, 0xBF, 0xBE, 0xEF, 0xBF, 0xBF]  // DEL, NEL, U+FFFE, U+FFFF
        bytes += Array(" ]]> <&> \"q\" ".utf8)
        bytes += [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80]  // invalid UTF-8, CESU-encoded surrogate
        let hostile = String(decoding: bytes, as: UTF8.self)
            + String(decoding: [0x20, 0xDC00, 0x20] as [UInt16], as: UTF16.self)
        let problem = Problem(type: "graph.\(hostile)", message: hostile, detail: hostile + "\nline 2")
        var report = Self.report([
            CaseReport(classname: "graph.\(hostile)", name: hostile, time: 0.5, outcome: .failed(problem),
                       location: hostile, transcript: hostile,
                       retries: [RetryNote(status: 429, retryAfterSeconds: 1, request: hostile)],
                       clientRequestIDs: [hostile]),
            CaseReport(classname: "graph.t", name: "skip", time: 0, outcome: .skipped(reason: hostile)),
        ])
        report.properties.append(ReportProperty(name: hostile, value: hostile))
        report.hostname = hostile
        let xml = JUnitWriter.render(report)
        let problems = try JUnitSchema.problems(in: xml)
        #expect(problems == nil, "\(problems ?? "")")
        for escape in ["\\u0000", "\\u0001", "\\u0008", "\\u000B", "\\u000C", "\\u007F", "\\u0085", "\\uFFFE", "\\uFFFF", "]]&gt;", "&lt;&amp;&gt;", "\u{FFFD}"] {
            #expect(xml.contains(escape), "missing \(escape)")
        }
        #expect(!xml.contains("\u{1B}") && !xml.contains("[31m") && !xml.contains("]]>"))
        #expect(xml.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0.value >= 0x20 && $0.value != 0x7F })
    }

    @Test func secretsNeverReachTheFile() {
        var options = JUnitOptions()
        options.secrets = ["s3cr3t-value"]
        var report = Self.report([
            CaseReport(classname: "graph.t", name: "leak Bearer abc.def", time: 0,
                       outcome: .error(Problem(type: "transport.tls", message: "token " + Fixtures.jwt,
                                               detail: "Authorization: Bearer abc.def\ns3cr3t-value")),
                       transcript: "> Authorization: Basic dXNlcjpwYXNz\nbody " + Fixtures.jwt),
        ])
        report.properties.append(ReportProperty(name: "policy.token", value: "Bearer abc.def"))
        let xml = JUnitWriter.render(report, options: options)
        for secret in [Fixtures.jwt, "eyJhbGciOiJub25lIn0", "abc.def", "dXNlcjpwYXNz", "s3cr3t-value"] {
            #expect(!xml.contains(secret), "leaked \(secret)")
        }
        #expect(xml.contains("[REDACTED]"))
    }

    @Test func longTextIsCappedPerElement() throws {
        var options = JUnitOptions()
        options.maxTextBytes = 2048
        let big = "FIRST LINE\n" + String(repeating: "0123456789abcdef\n", count: 10_000) + "LAST LINE"
        let xml = JUnitWriter.render(Self.report([
            CaseReport(classname: "graph.t", name: "big", time: 0, outcome: .failed(Problem(type: "graph.x", message: "m", detail: big)),
                       location: "cases/s.yaml:1:1", transcript: big),
        ]), options: options)
        let failure = try #require(Self.testcases(Self.parse(xml)).first?.elements(forName: "failure").first?.stringValue)
        #expect(failure.hasPrefix("FIRST LINE"))
        #expect(failure.hasSuffix("LAST LINE\n  at cases/s.yaml:1:1"))
        #expect(failure.contains("bytes truncated]…"))
        #expect(failure.utf8.count <= 2048 + 40)
        #expect(xml.utf8.count < 8000)
    }

    @Test func wholeFileIsCapped() throws {
        let transcript = String(repeating: "x", count: 60_000)
        let cases = (0..<40).map { CaseReport(classname: "graph.t", name: "c\($0)", time: 0,
                                              outcome: $0 == 0 ? .failed(Problem(type: "graph.x", message: "m", detail: transcript)) : .passed,
                                              transcript: transcript) }
        var options = JUnitOptions()
        options.maxFileBytes = 50_000
        let xml = JUnitWriter.render(Self.report(cases), options: options)
        #expect(xml.utf8.count <= 50_000)
        #expect(xml.contains(#"<property name="report.truncated" value="text cut to fit maxFileBytes=50000"/>"#))
        #expect(Self.testcases(try Self.parse(xml)).count == 40)
        #expect(!JUnitWriter.render(Self.report(Array(cases.prefix(1)))).contains("report.truncated"))
    }
}
