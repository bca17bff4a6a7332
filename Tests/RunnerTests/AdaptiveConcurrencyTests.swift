import CaseModel
import CurlClient
import Foundation
import GraphMock
import Reporting
@testable import Runner
import Testing

/// Adaptive concurrency against the embedded mock made slow (`MockConfiguration.latency`) or
/// pushing back on load (`throttleAboveInFlight`): real sockets, real libcurl, catalogue cases.
/// Assertions are about behaviour (how many ran at once, how many 429s), never about time.
@Suite(.serialized, .timeLimit(.minutes(3))) struct AdaptiveConcurrencyTests {
    static func prepared() throws -> PreparedRun {
        let cases = ConstructTests.repoRoot.appendingPathComponent("cases").path
        return try PreparedRun.prepare(SuiteSource(casesDirectory: cases), diagnostics: { _ in })
    }

    /// The catalogue's enum cases (53, a few requests each), or the first `count` of them.
    static func enumCases(_ run: PreparedRun, count: Int? = nil) -> [PlannedCase] {
        let planned = CaseSelection(tags: ["enums"]).filter(run.prepared.planned)
        return count.map { Array(planned.prefix($0)) } ?? planned
    }

    static func execute(_ run: PreparedRun, _ planned: [PlannedCase], server: GraphMockServer,
                        _ adjust: (inout RunSettings) -> Void) async -> RunReport {
        var settings = RunSettings(baseURL: server.baseURL, runID: "adaptive-test")
        settings.transfer.totalTimeout = 20
        adjust(&settings)
        return await run.execute(planned, settings: settings, console: nil)
    }

    static func property(_ report: RunReport, _ name: String) -> String? {
        report.properties.first { $0.name == name }?.value
    }

    /// 60 ms per answer: the limit grows past where it starts, and neither the runner's count nor
    /// the server's own count of requests in flight ever exceeds the cap.
    @Test func growsAboveItsStartAgainstASlowTargetButNeverPastTheCap() async throws {
        let run = try Self.prepared()
        var configuration = run.mockConfiguration()
        configuration.latency = MockLatency(milliseconds: 60)
        let server = try await GraphMockServer.start(configuration: configuration)
        let planned = Self.enumCases(run)
        let report = await Self.execute(run, planned, server: server) { $0.jobs = 8 }
        try await server.shutdown()

        #expect(ExitStatus.of(report) == .passed, "\(ReportTotals(report))")
        let peak = try #require(Self.property(report, ReportProperty.peakConcurrencyName).flatMap(Int.init))
        print("60 ms target, cap 8: peak concurrency \(peak), server peak in flight \(server.load.peakInFlight)")
        #expect(peak > ConcurrencyGate.initialLimit, "the limit never grew: peak \(peak)")
        #expect(peak <= 8)
        #expect(server.load.peakInFlight <= 8, "the server saw \(server.load.peakInFlight) requests at once")
        #expect(Self.property(report, ReportProperty.concurrencyName) == "adaptive, cap 8")
        let wall = try #require(Self.property(report, ReportProperty.wallSecondsName).flatMap(Double.init))
        let path = try #require(Self.property(report, ReportProperty.criticalPathSecondsName).flatMap(Double.init))
        #expect(path >= 0.06 && path <= wall, "critical path \(path) s, wall \(wall) s")
    }

    /// A target that answers 429 (Retry-After: 0) whenever more than 3 requests are in flight: a
    /// fixed pool of 12 keeps provoking it; the adaptive limit halves at each 429 (requests of cases
    /// already running wait for it too) and stays near what the target takes, so the target sees
    /// fewer 429s (about a third as many here).
    @Test func aTargetThatThrottlesUnderLoadSeesFewer429sThanWithAFixedPool() async throws {
        let run = try Self.prepared()
        var configuration = run.mockConfiguration()
        configuration.latency = MockLatency(milliseconds: 40)
        configuration.throttleAboveInFlight = 3
        configuration.throttleRetryAfter = 0
        let planned = Self.enumCases(run, count: 30)

        var counts: [RunSettings.Concurrency: (server: Int, reported: String?)] = [:]
        for mode in [RunSettings.Concurrency.fixed, .adaptive] {
            let server = try await GraphMockServer.start(configuration: configuration)
            let report = await Self.execute(run, planned, server: server) {
                $0.jobs = 12
                $0.concurrency = mode
            }
            try await server.shutdown()
            counts[mode] = (server.load.throttledAnswers, Self.property(report, ReportProperty.pushbacksName))
        }
        let fixed = try #require(counts[.fixed]), adaptive = try #require(counts[.adaptive])
        print("throttle over 3 in flight, 30 cases, cap 12: fixed pool \(fixed.server) 429s, adaptive \(adaptive.server)")
        #expect(fixed.server > 0, "the mock never throttled: the comparison would prove nothing")
        #expect(adaptive.server < fixed.server, "adaptive \(adaptive.server) vs fixed \(fixed.server) 429s")
        // The runner counted every one of them too.
        #expect(fixed.reported == String(fixed.server))
        #expect(adaptive.reported == String(adaptive.server))
    }
}
