/// Turns a runner's `RunReport` into the one every writer renders: clean, capped, unique, non-empty.
///
/// Doing this once, before rendering, is what keeps the XML, the JSON and the console in agreement:
/// same names, same counts, same redactions. The result is an ordinary `RunReport` in which
/// - all text is sanitized (`XMLText.sanitize`) and redacted (`Redactor`), and element text is capped;
/// - messages, names, locations and property values are single lines;
/// - `(classname, name)` pairs are unique and within Azure's 512-character limit;
/// - suites without cases are gone, and a report with no cases at all has one erroring case;
/// - `run.id` (and `run.interrupted`, `report.truncated` when they apply) are among the properties.
enum ReportPreparer {
    static func prepare(_ report: RunReport, policy: TextPolicy = TextPolicy()) -> RunReport {
        let clean = TextCleaner(policy: policy)
        var names = CaseNameRegistry()
        var suites: [SuiteReport] = []
        for suite in report.suites where !suite.cases.isEmpty {
            let cases = suite.cases.map { item in
                var prepared = clean.caseReport(item, keepTranscript: policy.keepPassingTranscripts)
                (prepared.classname, prepared.name) = names.claim(
                    classname: prepared.classname.isEmpty ? clean.line(suite.name) : prepared.classname,
                    name: prepared.name.isEmpty ? "(unnamed)" : prepared.name)
                return prepared
            }
            suites.append(SuiteReport(
                name: clean.line(suite.name, or: "cases"), file: clean.line(suite.file),
                timestamp: suite.timestamp, cases: cases))
        }
        if suites.isEmpty {
            suites = [placeholderSuite(for: report, clean: clean)]
        }
        return RunReport(
            name: clean.line(report.name, or: "graph-conformance"),
            runID: clean.line(report.runID),
            startedAt: report.startedAt,
            hostname: clean.line(report.hostname, or: "localhost"),
            properties: properties(of: report, clean: clean, policy: policy),
            suites: suites,
            interrupted: report.interrupted)
    }

    /// The run's properties, cleaned, plus the facts the writers add themselves.
    private static func properties(of report: RunReport, clean: TextCleaner, policy: TextPolicy) -> [ReportProperty] {
        var properties = report.properties.map {
            ReportProperty(name: clean.line($0.name, or: "property"), value: clean.line($0.value, maxCharacters: 2048))
        }
        if !properties.contains(where: { $0.name == "run.id" }) {
            properties.append(ReportProperty(name: "run.id", value: clean.line(report.runID)))
        }
        if report.interrupted {
            properties.append(ReportProperty(name: "run.interrupted", value: "true"))
        }
        if let note = policy.truncationNote {
            properties.append(ReportProperty(name: "report.truncated", value: note))
        }
        return properties
    }

    /// Rule 2: never an empty report. One suite, one case, an `<error>` saying why.
    private static func placeholderSuite(for report: RunReport, clean: TextCleaner) -> SuiteReport {
        let emptyFiles = report.suites.map(\.file).filter { !$0.isEmpty }
        let problem = clean.problem(.noCasesRan(interrupted: report.interrupted, emptyFiles: emptyFiles))
        return SuiteReport(
            name: clean.line(report.name, or: "graph-conformance"),
            file: "",
            timestamp: report.startedAt,
            cases: [CaseReport(classname: "graph.run", name: "no test cases ran", time: 0, outcome: .error(problem))])
    }
}
