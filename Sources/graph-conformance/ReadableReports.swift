import ArgumentParser
import Foundation
import Reporting
import Runner

/// The reports for people, beside the JUnit file CI gates on: the HTML page (`--html`,
/// `--report html` or the target's `reports: [html]`) and CI annotations (`--annotations`).
enum ReadableReports {
    /// Writes what was asked for; a file that cannot be written is a could-not-run error.
    static func write(_ report: RunReport, output: OutputOptions, targetReports: [String], secrets: [String]) throws {
        let folder = URL(fileURLWithPath: output.junit).deletingLastPathComponent().path
        let wantsHTML = output.report.contains(.html) || targetReports.contains(ExtraReport.html.rawValue)
        let htmlPath = output.html ?? (wantsHTML ? folder + "/report.html" : nil)
        do {
            if let htmlPath {
                var options = HTMLOptions()
                options.secrets = secrets
                try ReportFile.writeAtomically(HTMLReportWriter.render(report, options: options), to: htmlPath)
                if !output.quiet { print("HTML report: \(htmlPath)") }
            }
            let published = try CIAnnotations.publish(
                report, format: output.annotations, environment: ProcessInfo.processInfo.environment, secrets: secrets,
                codeQualityPath: folder + "/gl-code-quality.json", htmlPath: htmlPath)
            for command in published.commands { print(command) }
        } catch {
            throw ConformanceError.runtime("cannot write the report: \(error)")
        }
    }
}

/// Reports `--report` adds beside the JUnit file.
enum ExtraReport: String, ExpressibleByArgument, CaseIterable {
    case html
}

extension AnnotationFormat: ExpressibleByArgument {}
