import CurlClient
import Foundation
import GraphMock
import Reporting
@testable import Runner
import TestSupport
import Testing

/// Issue 19 parts 1 and 3 in process: a target that hangs one operation costs one round of
/// timeouts, a run deadline ends a run on time, and whatever a server sends stays bounded.
extension Robustness {
@Suite(.timeLimit(.minutes(2))) struct GateTests {
    static let json = [("Content-Type", "application/json")]
    static let okBody = Array(#"{"ok":true}"#.utf8)

    /// `count` cases, each a GET that answers and then a PATCH of its own position: every PATCH
    /// shares the operation `PATCH /…/profile/positions/{id}` whichever way it addresses the user.
    static func patchCases(_ count: Int) -> String {
        var yaml = "suite: gate\ncases:\n"
        for index in 0..<count {
            let prefix = index.isMultiple(of: 2) ? "/me" : "/users/u\(index)"
            yaml += """
                  - name: case \(index)
                    steps:
                      - {method: GET, path: /ping/\(index), expect: {status: 200}}
                      - {method: PATCH, path: "\(prefix)/profile/positions/p\(index)", json: {isCurrent: true}, expect: {status: 200}}

                """
        }
        return yaml
    }

    /// Answers everything except PATCH, which never gets an answer.
    static func patchHangs() throws -> ScriptedServer {
        try ScriptedServer { request in
            request.method == "PATCH" ? .acceptAndHang : .respond(status: 200, headers: json, body: okBody)
        }
    }

    @Test(arguments: [1, 3])
    func operationThatNeverAnswersCostsOneRoundOfTimeouts(jobs: Int) async throws {
        let server = try Self.patchHangs()
        defer { server.stop() }
        let timeout = 1.0
        let outcome = await Harness.run(try Harness.plan(Self.patchCases(16)), settings: Harness.settings(server.baseURL) {
            $0.jobs = jobs
            $0.transfer.totalTimeout = timeout
            $0.maxOperationTimeouts = 2
        })
        let types = outcome.results.map { $0.outcome.problem?.type ?? $0.outcome.kind }
        let timeouts = types.filter { $0 == "transport.timeout" }.count
        let silent = types.filter { $0 == "transport.operation-silent" }.count
        print("operation breaker, jobs \(jobs): \(timeouts) timeouts, \(silent) operation-silent, \(String(format: "%.2f", outcome.seconds)) s")
        // Workers already waiting on the operation finish their wait; none starts a fresh one.
        #expect(timeouts >= 2 && timeouts <= max(2, jobs), "\(types)")
        #expect(timeouts + silent == 16, "\(types)")
        // GETs kept answering, so the target as a whole never counted as silent.
        #expect(!types.contains("transport.target-silent"))
        let reason = try #require(outcome.results.last?.outcome.problem)
        #expect(reason.message.contains("PATCH /…/profile/positions/{id}"), "\(reason.message)")
        #expect(reason.message.contains("timed out 2 times"), "\(reason.message)")
        #expect(outcome.seconds < timeout * 2 + 10, "took \(outcome.seconds) s")
        try Harness.expectValidJUnit(outcome)
    }

    /// A 2xx answer in between closes the breaker again: a slow-but-alive operation is not cut off.
    @Test func aSuccessBetweenTimeoutsKeepsTheOperationOpen() async throws {
        let patches = Counter()
        let ok = ScriptedBehaviour.respond(status: 200, headers: Self.json, body: Self.okBody)
        let server = try ScriptedServer { request in
            guard request.method == "PATCH" else { return ok }
            // Every other PATCH hangs; the ones between succeed.
            return patches.next().isMultiple(of: 2) ? .acceptAndHang : ok
        }
        defer { server.stop() }
        let outcome = await Harness.run(try Harness.plan(Self.patchCases(6)), settings: Harness.settings(server.baseURL) {
            $0.transfer.totalTimeout = 0.5
            $0.maxOperationTimeouts = 2
        })
        let types = outcome.results.map { $0.outcome.problem?.type ?? $0.outcome.kind }
        #expect(types == ["transport.timeout", "passed", "transport.timeout", "passed", "transport.timeout", "passed"], "\(types)")
    }

    /// `--max-time`: unfinished cases become `run.deadline` errors, at the deadline, not after
    /// every timeout; the report still validates.
    @Test func runDeadlineEndsTheRunOnTime() async throws {
        let server = try Self.patchHangs()
        defer { server.stop() }
        let outcome = await Harness.run(try Harness.plan(Self.patchCases(12)), settings: Harness.settings(server.baseURL) {
            $0.jobs = 2
            $0.transfer.totalTimeout = 60
            $0.caseDeadline = 60
            $0.maxOperationTimeouts = 100
            $0.maxRunSeconds = 1.5
        })
        let types = outcome.results.map { $0.outcome.problem?.type ?? $0.outcome.kind }
        print("run deadline 1.5 s: ended after \(String(format: "%.2f", outcome.seconds)) s")
        #expect(types.allSatisfy { $0 == "run.deadline" }, "\(types)")
        #expect(outcome.results.count == 12)
        #expect(outcome.results.allSatisfy { $0.outcome.problem?.message.contains("run deadline (--max-time 1.5 s) passed") == true },
                "\(outcome.results.map(\.outcome.text))")
        #expect(outcome.seconds >= 1.4 && outcome.seconds < 1.5 + 10, "took \(outcome.seconds) s")
        try Harness.expectValidJUnit(outcome)
    }

    /// The run API the CLI uses (`PreparedRun` + `CatalogueRun`), in process, against the embedded
    /// mock's hostile modes with a short timeout: every case is in the report, the PATCH cases
    /// beyond the first round are held back, and nothing counts the target as silent.
    @Test(arguments: MockHostility.allCases)
    func catalogueAgainstAHostileMockThroughTheRunAPI(mode: MockHostility) async throws {
        let source = SuiteSource(casesDirectory: Harness.repoRoot.appendingPathComponent("cases").path)
        let prepared = try PreparedRun.prepare(source, diagnostics: { _ in })
        var settings = RunSettings(baseURL: "", runID: PreparedRun.newRunID())
        settings.transfer.totalTimeout = 2
        settings.transfer.lowSpeedTime = 1
        var run = CatalogueRun(run: prepared, planned: prepared.prepared.planned, settings: settings)
        run.mock = CatalogueRun.EmbeddedMock(hostility: mode)
        let started = Date()
        let report = try await run.perform(console: nil).report
        let seconds = Date().timeIntervalSince(started)
        let types = report.suites.flatMap(\.cases).compactMap { $0.outcome.problem?.type }
        print("catalogue, hostile \(mode.rawValue), 2 s timeout: \(String(format: "%.1f", seconds)) s, "
              + "\(types.filter { $0 == "transport.operation-silent" }.count) held back, \(types.filter { $0 == "transport.timeout" }.count) timeouts")
        #expect(report.suites.flatMap(\.cases).count == prepared.prepared.planned.count)
        #expect(types.filter { $0 == "transport.timeout" }.count <= settings.jobs, "\(types)")
        #expect(types.filter { $0 == "transport.operation-silent" }.count > 50, "\(types)")
        #expect(!types.contains("transport.target-silent"))
        #expect(ExitStatus.of(report) == .couldNotRun)
        #expect(seconds < 2 * 2 + 60, "took \(seconds) s")
    }

    // MARK: Whatever a server sends

    static func rawResponse(headers: [String], body: String = "{}") -> [UInt8] {
        var text = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        for header in headers { text += header + "\r\n" }
        text += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        return Array(text.utf8)
    }

    /// Flood shapes: many small fields, or fewer big ones (count, value bytes).
    @Test(arguments: [(5000, 1), (900, 400)])
    func headerFloodIsCutAndReported(count: Int, valueBytes: Int) async throws {
        let headers = (0..<count).map { "X-Flood-\($0): " + String(repeating: "z", count: valueBytes) }
        let (victim, outcome) = try await BadServerTests.victim(of: .raw(Self.rawResponse(headers: headers)), maxSeconds: 10)
        #expect(victim.outcome.problem?.type == "transport.tooLarge", "\(victim.outcome.text)")
        #expect(victim.outcome.problem?.message.contains("response headers beyond") == true, "\(victim.outcome.text)")
        #expect(outcome.junit.utf8.count < 256 * 1024)
    }

    /// A compression bomb (32 MiB of zeros in about 200 KiB of gzip) against a decoded-size cap of
    /// 8 MiB: stopped at the cap and reported as such. The cap counts decoded bytes, so the
    /// default (256 MiB) bounds a real bomb's time the same way.
    @Test func compressionBombStopsAtTheDecodedSizeCap() async throws {
        let bomb = Self.gzipOfZeros(count: 32 << 20)
        #expect(bomb.count < 256 << 10)
        let (victim, outcome) = try await BadServerTests.victim(
            of: .respond(status: 200, headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body: bomb), maxSeconds: 30) {
            $0.transfer.maxReceivedBodyBytes = 8 << 20
            $0.transfer.totalTimeout = 20
        }
        print("gzip bomb: \(bomb.count) bytes on the wire, run took \(String(format: "%.2f", outcome.seconds)) s")
        #expect(victim.outcome.problem?.type == "transport.tooLarge", "\(victim.outcome.text)")
        #expect(victim.outcome.problem?.message.contains("longer than \(8 << 20) bytes (after decoding)") == true, "\(victim.outcome.text)")
        #expect(TransferOptions().maxReceivedBodyBytes == 256 << 20)
    }

    /// A gzip member whose DEFLATE stream (fixed Huffman, RFC 1951 §3.2.6) is one literal zero and
    /// then matches of length 258 at distance 1: 13 bits on the wire per 258 decoded bytes. The
    /// trailer's CRC is not computed: a reader that got that far has already failed the test.
    static func gzipOfZeros(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman
        bits.writeCode(0x30, length: 8)  // literal 0
        for _ in 0..<(count - 1) / 258 {
            bits.writeCode(0xC5, length: 8)  // length code 285: 258
            bits.writeCode(0, length: 5)  // distance code 0: 1
        }
        bits.writeCode(0, length: 7)  // end of block
        return [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255] + bits.bytes + [0, 0, 0, 0] + [0, 0, 0, 0]
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        private var used = 8

        /// Value bits least significant first (DEFLATE's header fields and extra bits).
        mutating func write(_ value: Int, count: Int) {
            for bit in 0..<count { push((value >> bit) & 1) }
        }

        /// Huffman codes go most significant bit first.
        mutating func writeCode(_ code: Int, length: Int) {
            for bit in stride(from: length - 1, through: 0, by: -1) { push((code >> bit) & 1) }
        }

        private mutating func push(_ bit: Int) {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            bytes[bytes.count - 1] |= UInt8(bit) << used
            used += 1
        }
    }
}
}

/// A thread-safe running number for scripted servers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
}
