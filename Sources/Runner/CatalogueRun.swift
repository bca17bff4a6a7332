import CaseModel
import Foundation
import GraphMock
import Reporting

/// The one way to run the catalogue, shared by `graph-conformance run` and the tests: start the
/// embedded mock when the target asks for it, run the selected cases, save a recording, and hand
/// back the report. Writing the reports and choosing the exit code are the caller's.
public struct CatalogueRun: Sendable {
    /// What the embedded mock should be (ignored for other targets).
    public struct EmbeddedMock: Sendable {
        public var defect: MockDefect?
        public var variants: Set<MockVariant> = []
        public var hostility: MockHostility?
        /// Answer after this long, like a remote Graph (`run --mock-latency`).
        public var latency: MockLatency?
        public init(defect: MockDefect? = nil, variants: Set<MockVariant> = [], hostility: MockHostility? = nil, latency: MockLatency? = nil) {
            self.latency = latency
            self.defect = defect
            self.variants = variants
            self.hostility = hostility
        }
    }

    public var run: PreparedRun
    public var planned: [PlannedCase]
    /// Everything but the base URL, which comes from the target or the started mock.
    public var settings: RunSettings
    public var mock = EmbeddedMock()
    /// Save every exchange, redacted, as `<folder>/<run id>.har`.
    public var recordDirectory: String?
    /// Check a recording instead of sending anything.
    public var replay: ReplayLog?
    public var signals = StopSignals()

    public init(run: PreparedRun, planned: [PlannedCase], settings: RunSettings) {
        self.run = run
        self.planned = planned
        self.settings = settings
    }

    public struct Result: Sendable {
        public var report: RunReport
        /// Where the recording went, when one was asked for.
        public var recordingPath: String?
    }

    public func perform(console: ConsoleReporter?) async throws(ConformanceError) -> Result {
        var settings = settings
        settings.baseURL = run.prepared.target.baseURL
        var server: GraphMockServer?
        if run.prepared.target.usesEmbeddedMock, replay == nil {
            var configuration = run.mockConfiguration(defect: mock.defect)
            configuration.variants = mock.variants
            configuration.hostility = mock.hostility
            configuration.latency = mock.latency
            configuration.tokenVerification = run.embeddedVerification
            do {
                let started = try await GraphMockServer.start(configuration: configuration)
                server = started
                settings.baseURL = started.baseURL
                settings.targetInProcess = true
            } catch {
                throw .runtime("cannot start the embedded mock: \(error)")
            }
        }
        let recorder = recordDirectory.map { _ in ExchangeRecorder(secrets: Array(run.tokens.values)) }
        let report = await run.execute(planned, reportedBaseURL: replay.map { "replay of \($0.path)" }, settings: settings,
                                       console: console, recorder: recorder, replay: replay, signals: signals)
        try? await server?.shutdown()
        var result = Result(report: report)
        if let recordDirectory, let recorder {
            let path = recordDirectory + "/" + settings.runID + ".har"
            do {
                try ReportFile.writeAtomically(recorder.har(), to: path)
            } catch {
                throw .runtime("cannot write the recording: \(error)")
            }
            result.recordingPath = path
        }
        return result
    }
}
