import Reporting

/// Where and how a run's reports are written; a report that cannot be written is a runtime error,
/// never silent.
public struct ReportOutput: Sendable {
    public var junitPath: String
    public var jsonPath: String
    public var gitlabFileAttribute = false

    public init(junitPath: String = "reports/junit.xml", jsonPath: String = "reports/report.json") {
        self.junitPath = junitPath
        self.jsonPath = jsonPath
    }

    /// Both reports, atomically. The writers redact every field (tokens, Authorization values,
    /// JWT-shaped text) as they render it, so the finished documents need no second pass.
    public func write(_ report: RunReport, secrets: [String]) throws(ConformanceError) {
        var options = JUnitOptions()
        options.gitlabFileAttribute = gitlabFileAttribute
        options.secrets = secrets
        do {
            try ReportFile.writeAtomically(JUnitWriter.render(report, options: options), to: junitPath)
            try ReportFile.writeAtomically(JSONReportWriter.render(report, secrets: secrets), to: jsonPath)
        } catch {
            throw .runtime("cannot write the report: \(error)")
        }
    }
}
