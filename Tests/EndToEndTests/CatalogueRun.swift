import Foundation

/// The whole catalogue run by the built binary against a base URL, with what a test asserts on:
/// exit status, console, JUnit XML and the report's properties.
struct CatalogueRun {
    var result: CLIProcess.Result
    var junit: String
    var properties: [String: String]
    /// How many cases `run --list` plans, i.e. how many `<testcase>`s a complete report has.
    var plannedCases: Int

    var summaryLine: String? {
        result.stdout.split(separator: "\n").map(String.init).last { $0.contains(" passed, ") }
    }

    var failureOrErrorCount: Int {
        EndToEndTests.count("<failure", in: junit) + EndToEndTests.count("<error", in: junit)
    }

    /// Runs `run --base-url baseURL --mint-tokens extra…` with reports in a fresh temporary folder.
    static func run(baseURL: String, extra: [String] = [], environment: [String: String] = [:]) async throws -> CatalogueRun {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let junitPath = work.appendingPathComponent("junit.xml").path
        let jsonPath = work.appendingPathComponent("report.json").path
        let result = try await CLIProcess.run(["run", "--base-url", baseURL, "--mint-tokens", "--junit", junitPath, "--json", jsonPath] + extra,
                                        environment: environment)
        let junit = (try? String(contentsOfFile: junitPath, encoding: .utf8)) ?? ""
        var properties: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: jsonPath),
            let report = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = report["properties"] as? [[String: Any]]
        {
            for item in list {
                if let name = item["name"] as? String, let value = item["value"] as? String { properties[name] = value }
            }
        }
        let listed = try await CLIProcess.run(["run", "--list"])
        let planned = Int(listed.stdout.split(separator: "\n").last?.split(separator: " ").first ?? "") ?? -1
        return CatalogueRun(result: result, junit: junit, properties: properties, plannedCases: planned)
    }
}
