import Foundation

/// Publishes a run to the CI system it runs under (`run --annotations`): GitHub workflow
/// commands and job summary, or a GitLab code-quality file. Prepared like every report
/// (`ReportPreparer`): the same redactions, names and counts as the JUnit file.
public enum CIAnnotations {
    /// What publishing produced: lines for standard output, and the files written.
    public struct Publication: Sendable {
        public var commands: [String] = []
        public var files: [String] = []
    }

    /// - Parameters:
    ///   - format: `auto` is resolved from `environment`.
    ///   - codeQualityPath: where the GitLab report goes (normally beside the JUnit file).
    ///   - htmlPath: the HTML report, named in the GitHub summary when one was written.
    public static func publish(_ report: RunReport, format: AnnotationFormat, environment: [String: String],
                               secrets: [String], codeQualityPath: String, htmlPath: String? = nil) throws -> Publication {
        var publication = Publication()
        let resolved = format.resolved(environment: environment)
        if resolved == .auto || resolved == .none { return publication }
        // Prepared only for a format that is written: outside CI this is most runs.
        let prepared = ReportPreparer.prepare(report, policy: TextPolicy(maxTextBytes: 16 * 1024, secrets: secrets))
        switch resolved {
        case .auto, .none:
            break
        case .github:
            publication.commands = GitHubAnnotations.commands(prepared, workspace: environment["GITHUB_WORKSPACE"])
            if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                try append(GitHubStepSummary.markdown(prepared, htmlPath: htmlPath), to: summary)
                publication.files.append(summary)
            }
        case .gitlab:
            try ReportFile.writeAtomically(GitLabCodeQuality.render(prepared), to: codeQualityPath)
            publication.files.append(codeQualityPath)
        }
        return publication
    }

    /// The summary file is shared by every step of a job, so it is appended to, never replaced.
    static func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
        }() else {
            throw ReportFileError(path: path, operation: "open for appending", detail: "cannot open the job summary file")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ReportFileError(path: path, operation: "append", detail: "\(error)")
        }
    }
}
