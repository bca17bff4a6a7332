import Foundation
import Reporting

// Renders and writes the HTML report for `HTMLFixtures.large` (the test fixture) several times
// and prints one line of figures; benchmarks/html-report.sh builds and runs it.
let arguments = CommandLine.arguments
let cases = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-benchmark-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }
let report = HTMLFixtures.large(count: cases)
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
print(String(format: "cases=%d rounds=%d bytes=%d median=%.3fs min=%.3fs max=%.3fs",
             cases, rounds, bytes, seconds[seconds.count / 2], seconds[0], seconds[seconds.count - 1]))
