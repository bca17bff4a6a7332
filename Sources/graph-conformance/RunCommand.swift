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
    @OptionGroup var signing: SigningOptions

    @Option(name: .customLong("base-url"), help: "Base URL of a Graph-compatible server, e.g. http://127.0.0.1:8080/beta (overrides the target's).")
    var baseURL: String?

    @Flag(name: .customLong("mint-tokens"), help: "Mint test JWTs for every principal: unsigned (for servers that do not check signatures) unless a signing option is given.")
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

    @Option(name: .customLong("mock-hostile"), help: "With the embedded mock: a hostile transport mode, not a contract defect (see `serve --list-hostile`).")
    var mockHostile: String?

    @Option(name: .customLong("mock-latency"), help: ArgumentHelp("With the embedded mock: answer every request this many milliseconds after it arrived (`50~20`: ±20 ms jitter), like `serve --latency`.", valueName: "ms[~jitter]"))
    var mockLatency: String?

    @Flag(name: .customLong("allow-skipped"), help: "Exit 0 even when no case passed or failed (all skipped or none selected); without it such a run exits 5.")
    var allowSkipped = false

    func validate() throws {
        try SuiteOptions.validateBaseURL(baseURL)
        if record != nil, replay != nil { throw ValidationError("--record and --replay exclude each other") }
        _ = try MockLatency.option(mockLatency, jitter: nil, name: "--mock-latency")
    }

    func run() async throws {
        // First, so a signal that arrives while the suite loads still ends in a report (exit 130).
        if !list { Interruption.shared.install() }
        let prepared = try PreparedRun.prepare(try suite.source(baseURL: baseURL, casePaths: paths.isEmpty ? nil : paths,
                                                                forceMint: mintTokens || signing.wantsMinting || replay != nil),
                                               minter: signing.minter(), diagnostics: FileHandle.printError)
        let planned = CaseSelection(tags: tag, nameGlobs: caseGlobs, skippedTags: skipTag).filter(prepared.prepared.planned)
        if list {
            for item in planned { print("\(item.file.suite)/\(item.displayName)  [\(item.tags.joined(separator: ","))]") }
            print("\(planned.count) case(s)")
            return
        }
        try output.reportOutput.checkWritable()
        var settings = RunSettings(baseURL: prepared.prepared.target.baseURL, runID: PreparedRun.newRunID())
        transport.apply(to: &settings)
        settings.shapePolicy = ShapePolicy(extraProperties: output.strict ? .warn : .allow)
        settings.keepPassingTranscripts = transcripts == .all
        var catalogue = CatalogueRun(run: prepared, planned: planned, settings: settings)
        catalogue.mock = try embeddedMock()
        catalogue.recordDirectory = record
        if let replay {
            do {
                catalogue.replay = try ReplayLog(path: replay)
            } catch {
                throw ConformanceError.usage("\(error)")
            }
        }
        catalogue.signals = Interruption.shared.signals
        let console = ConsoleReporter(verbosity: output.quiet ? .quiet : output.verbose ? .verbose : .normal)
        let result = try await catalogue.perform(console: console)
        if let path = result.recordingPath, !output.quiet { print("Recording: \(path)") }
        let preparedReport = try output.reportOutput.write(result.report, secrets: Array(prepared.tokens.values))
        try ReadableReports.write(result.report, output: output, targetReports: prepared.prepared.target.reports,
                                  secrets: Array(prepared.tokens.values))
        if let diagnosis = result.report.properties.first(where: { $0.name == "run.diagnosis" })?.value {
            // Before the summary, which stays the last line (CI log parsers look for it there).
            print("diagnosis: \(diagnosis)")
            fflush(nil)
        }
        console.summary(preparedReport, junitPath: output.junit, jsonPath: output.json)
        let status = ExitStatus.of(result.report, allowSkipped: allowSkipped)
        if status == .nothingChecked {
            FileHandle.printError("graph-conformance: no case passed or failed, so nothing was checked (exit 5; --allow-skipped accepts this)")
        }
        if status != .passed { throw ConformanceError.verdict(status) }
    }

    /// The embedded mock's defect, variants and hostile mode, by name.
    private func embeddedMock() throws -> CatalogueRun.EmbeddedMock {
        var mock = CatalogueRun.EmbeddedMock()
        if let mockDefect {
            guard let parsed = MockDefect(rawValue: mockDefect) else {
                throw ValidationError("unknown defect '\(mockDefect)'; see `graph-conformance serve --list-defects`")
            }
            mock.defect = parsed
        }
        mock.variants = try Set(mockVariants.map { name in
            guard let parsed = MockVariant(rawValue: name) else { throw ValidationError("unknown variant '\(name)'") }
            return parsed
        })
        mock.latency = try MockLatency.option(mockLatency, jitter: nil, name: "--mock-latency")
        if let mockHostile {
            guard let parsed = MockHostility(rawValue: mockHostile) else {
                throw ValidationError("unknown hostile mode '\(mockHostile)'; see `graph-conformance serve --list-hostile`")
            }
            mock.hostility = parsed
        }
        return mock
    }
}

/// Which cases keep their request/response transcript in the report.
enum TranscriptScope: String, ExpressibleByArgument, CaseIterable {
    case failures, all
}
