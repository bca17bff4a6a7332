import ArgumentParser
import CaseModel
import CurlClient
import Foundation
import GraphMock
import JSONShape
import Reporting
import Runner

/// `graph-conformance run` (also what no arguments does): the catalogue against a target.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the cases against a target (default: the embedded mock) and write JUnit XML."
    )

    @OptionGroup var suite: SuiteOptions
    @OptionGroup var transport: TransportOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("base-url"), help: "Base URL of a Graph-compatible server, e.g. http://127.0.0.1:8080/beta (overrides the target's).")
    var baseURL: String?

    @Flag(name: .customLong("mint-tokens"), help: "Mint unsigned test JWTs for every principal (for servers that do not check signatures).")
    var mintTokens = false

    @Option(name: .long, help: "Run only cases with this tag (repeatable).")
    var tag: [String] = []

    @Option(name: .customLong("skip-tag"), help: "Leave out cases with this tag (repeatable), e.g. --skip-tag inferred.")
    var skipTag: [String] = []

    @Option(name: .customLong("case"), help: "Run only cases whose name matches this glob (repeatable).")
    var caseGlobs: [String] = []

    @Flag(name: .long, help: "List the cases that would run, and exit.")
    var list = false

    @Option(name: .customLong("mock-defect"), help: "With the embedded mock: give it this built-in defect (see `serve --list-defects`).")
    var mockDefect: String?

    @Option(name: .long, help: "Request/response transcripts in the report: 'failures' (cases that did not pass) or 'all'.")
    var transcripts: TranscriptScope = .failures

    @Option(name: .long, help: "Save every exchange, redacted, as HAR 1.2 in this folder (<run id>.har).")
    var record: String?

    @Option(name: .long, help: "Check a recorded HAR again with the current cases and shapes, sending nothing.")
    var replay: String?

    @Option(name: .customLong("mock-variant"), help: "With the embedded mock: a conforming variant (repeatable; see `serve --list-variants`).")
    var mockVariants: [String] = []

    @Argument(help: "Case files or folders (default: all of --cases).")
    var paths: [String] = []

    func run() async throws {
        if record != nil, replay != nil { throw ValidationError("--record and --replay exclude each other") }
        let driver = try RunDriver.prepare(suite, baseURL: baseURL, casePaths: paths.isEmpty ? nil : paths, forceMint: mintTokens || replay != nil)
        var replayLog: ReplayLog?
        if let replay {
            do {
                replayLog = try ReplayLog(path: replay)
            } catch {
                FileHandle.printError("graph-conformance: \(error)")
                throw ToolExit(.usageOrCaseFileError)
            }
        }
        let planned = CaseSelection(tags: tag, nameGlobs: caseGlobs, skippedTags: skipTag).filter(driver.prepared.planned)
        if list {
            for item in planned { print("\(item.file.suite)/\(item.displayName)  [\(item.tags.joined(separator: ","))]") }
            print("\(planned.count) case(s)")
            return
        }
        var defect: MockDefect?
        if let mockDefect {
            guard let parsed = MockDefect(rawValue: mockDefect) else {
                throw ValidationError("unknown defect '\(mockDefect)'; see `graph-conformance serve --list-defects`")
            }
            defect = parsed
        }
        Interruption.shared.install()
        var mock: GraphMockServer?
        var base = driver.prepared.target.baseURL
        if driver.prepared.target.usesEmbeddedMock, replayLog == nil {
            do {
                var configuration = driver.mockConfiguration(defect: defect)
                configuration.variants = try Set(mockVariants.map { name in
                    guard let parsed = MockVariant(rawValue: name) else { throw ValidationError("unknown variant '\(name)'") }
                    return parsed
                })
                let server = try await GraphMockServer.start(configuration: configuration)
                mock = server
                base = server.baseURL
            } catch let error as ValidationError {
                throw error
            } catch {
                FileHandle.printError("graph-conformance: cannot start the embedded mock: \(error)")
                throw ToolExit(.couldNotRun)
            }
        }
        var settings = RunSettings(baseURL: base, runID: RunDriver.newRunID())
        transport.apply(to: &settings)
        settings.shapePolicy = ShapePolicy(extraProperties: output.strict ? .warn : .allow)
        settings.keepPassingTranscripts = transcripts == .all
        let console = ConsoleReporter(verbosity: output.quiet ? .quiet : output.verbose ? .verbose : .normal)
        let recorder = record.map { _ in ExchangeRecorder(secrets: Array(driver.tokens.values)) }
        let report = await driver.execute(planned, baseURL: replayLog.map { "replay of \($0.path)" } ?? base, settings: settings,
                                          console: console, recorder: recorder, replay: replayLog)
        try? await mock?.shutdown()
        if let record, let recorder {
            let path = record + "/" + settings.runID + ".har"
            do {
                try ReportFile.writeAtomically(recorder.har(), to: path)
                if !output.quiet { print("Recording: \(path)") }
            } catch {
                FileHandle.printError("graph-conformance: cannot write the recording: \(error)")
                throw ToolExit(.couldNotRun)
            }
        }
        try Self.write(report, output: output, secrets: Array(driver.tokens.values))
        try ReadableReports.write(report, output: output, targetReports: driver.prepared.target.reports, secrets: Array(driver.tokens.values))
        console.summary(report, junitPath: output.junit, jsonPath: output.json)
        let status = ExitStatus.of(report)
        if status != .passed { throw ToolExit(status) }
    }

    /// Both reports, atomically; a failure to write is a could-not-run error, never silent.
    static func write(_ report: RunReport, output: OutputOptions, secrets: [String]) throws {
        var options = JUnitOptions()
        options.gitlabFileAttribute = output.gitlabFileAttribute
        // The writers redact every field (tokens, Authorization values, JWT-shaped text) as they
        // render it, so the finished documents need no second pass.
        options.secrets = secrets
        do {
            try ReportFile.writeAtomically(JUnitWriter.render(report, options: options), to: output.junit)
            try ReportFile.writeAtomically(JSONReportWriter.render(report, secrets: secrets), to: output.json)
        } catch {
            FileHandle.printError("graph-conformance: cannot write the report: \(error)")
            throw ToolExit(.couldNotRun)
        }
    }
}

/// Which cases keep their request/response transcript in the report.
enum TranscriptScope: String, ExpressibleByArgument, CaseIterable {
    case failures, all
}
