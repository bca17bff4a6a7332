import Foundation
import Reporting
import Testing

/// Timing of the HTML page for a large failing run, for `benchmarks/html-report.sh` only: it
/// asserts nothing about time (a loaded CI box must not fail on it) and runs only when asked.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GC_HTML_BENCHMARK"] == "1", "set GC_HTML_BENCHMARK=1 (benchmarks/html-report.sh)"))
struct HTMLBenchmark {
    @Test func renderLargeFailingRun() throws {
        let cases = Int(ProcessInfo.processInfo.environment["GC_HTML_BENCHMARK_CASES"] ?? "") ?? 200
        let rounds = Int(ProcessInfo.processInfo.environment["GC_HTML_BENCHMARK_ROUNDS"] ?? "") ?? 7
        let report = HTMLFixtures.large(count: cases)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-benchmark-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var seconds: [Double] = []
        var bytes = 0
        for round in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            let page = HTMLReportWriter.render(report)
            try ReportFile.writeAtomically(page, to: folder.appendingPathComponent("report-\(round).html").path)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            bytes = page.utf8.count
        }
        seconds.sort()
        let line = String(format: "html-benchmark: cases=%d rounds=%d bytes=%d median_s=%.3f min_s=%.3f max_s=%.3f",
                          cases, rounds, bytes, seconds[seconds.count / 2], seconds[0], seconds[seconds.count - 1])
        print(line)
        if let out = ProcessInfo.processInfo.environment["GC_HTML_BENCHMARK_OUT"] {
            try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: out))
        }
    }
}
