import CaseModel
import Foundation
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

    /// Fails before the run when a report could not be written after it, so a long run is not
    /// wasted on a typo in a path.
    public func checkWritable() throws(ConformanceError) {
        try Self.checkWritable(junitPath, what: "the report")
        try Self.checkWritable(jsonPath, what: "the report")
    }

    /// Creates the folder and a scratch file beside `path`, then removes the scratch file.
    public static func checkWritable(_ path: String, what: String) throws(ConformanceError) {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        let probe = directory + "/.graph-conformance-probe-\(UUID().uuidString.prefix(8))"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .runtime("cannot write \(what) to \(path): it is a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: probe, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            try FileManager.default.removeItem(atPath: probe)
        } catch {
            throw .runtime("cannot write \(what) to \(path): \(error.localizedDescription)")
        }
    }

    /// Both reports, atomically, from one preparation: the report is cleaned and redacted once
    /// (tokens, Authorization values, JWT-shaped text) and every writer renders that.
    public func write(_ prepared: PreparedReport) throws(ConformanceError) {
        var junitOptions = JUnitOptions()
        junitOptions.gitlabFileAttribute = gitlabFileAttribute
        let options = junitOptions
        // The two renderings are independent: one per core (half a cold catalogue's report time).
        let rendered = [true, false].concurrentMap { isJUnit in
            isJUnit ? JUnitWriter.render(prepared, options: options) : JSONReportWriter.render(prepared)
        }
        do {
            try ReportFile.writeAtomically(rendered[0], to: junitPath)
            try ReportFile.writeAtomically(rendered[1], to: jsonPath)
        } catch {
            throw .runtime("cannot write the report: \(error)")
        }
    }

    /// Prepares `report` with `secrets`, then writes both reports; returns the preparation so the
    /// console summary reuses it.
    @discardableResult
    public func write(_ report: RunReport, secrets: [String]) throws(ConformanceError) -> PreparedReport {
        let prepared = PreparedReport(report, secrets: secrets)
        try write(prepared)
        return prepared
    }
}

