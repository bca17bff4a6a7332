import ArgumentParser
import CurlClient
import Foundation
import JSONShape
import Reporting
import Runner

/// Where the cases and the target come from, shared by run, lint and selftest.
struct SuiteOptions: ParsableArguments {
    @Option(name: .long, help: "Folder holding the case files, contract/ and targets/.")
    var cases: String = "cases"

    @Option(name: .long, help: "Target file (default: <cases>/targets/embedded.yaml, the embedded mock).")
    var target: String?

    @Option(name: .long, parsing: .singleValue, help: "Override one target policy, e.g. --policy complexPatch=replace (value as YAML/JSON).")
    var policy: [String] = []
}

/// How requests are sent: timeouts, TLS, concurrency, retries.
struct TransportOptions: ParsableArguments {
    @Option(name: .long, help: "Most cases at once, each on its own connection: the cap of adaptive concurrency, the size of a fixed pool (default 32; explore: 4 workers).")
    var jobs: Int?

    @Option(name: .long, help: "adaptive: start at 4 cases at once, grow toward --jobs while the target is far and keeps up, halve at each 429/503 or slowdown; fixed: --jobs from the start.")
    var concurrency: RunSettings.Concurrency = .adaptive

    @Option(name: .customLong("connect-timeout"), help: "Seconds to establish a connection.")
    var connectTimeout: Double = 5

    @Option(name: .long, help: "Seconds for one whole request/response.")
    var timeout: Double = 15

    @Option(name: .customLong("case-deadline"), help: "Seconds one case (setup + steps) may take.")
    var caseDeadline: Double = 60

    @Option(name: .customLong("max-transport-failures"), help: "Consecutive connect/timeout failures after which the target counts as silent and the remaining cases are reported as errors.")
    var maxTransportFailures: Int = 3

    @Option(name: .customLong("max-operation-timeouts"), help: "Timeouts of one operation (method + route, e.g. PATCH /…/profile/positions/{id}) with no success in between, after which cases needing it are reported as errors at once.")
    var maxOperationTimeouts: Int = 3

    @Option(name: .customLong("max-time"), help: "Seconds the whole run may take; then unfinished cases are errors (run.deadline) and the report is written.")
    var maxTime: Double = 600

    @Flag(name: .long, help: "Do not verify TLS certificates (the report says so).")
    var insecure = false

    @Option(name: .long, help: "CA bundle (PEM) to verify the target's certificate with.")
    var cacert: String?

    /// Usage errors (exit 2) before anything is sent.
    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        for (name, value) in [("--connect-timeout", connectTimeout), ("--timeout", timeout), ("--case-deadline", caseDeadline), ("--max-time", maxTime)]
        where !(value.isFinite && value > 0) {
            throw ValidationError("\(name) must be a positive number of seconds, got \(value)")
        }
        if maxTransportFailures < 1 { throw ValidationError("--max-transport-failures must be at least 1, got \(maxTransportFailures)") }
        if maxOperationTimeouts < 1 { throw ValidationError("--max-operation-timeouts must be at least 1, got \(maxOperationTimeouts)") }
    }

    /// The transfer part alone, for commands that send without running cases (cleanup).
    var transfer: TransferOptions {
        var transfer = TransferOptions()
        transfer.connectTimeout = connectTimeout
        transfer.totalTimeout = timeout
        transfer.insecure = insecure
        transfer.caCertPath = cacert
        return transfer
    }

    func apply(to settings: inout RunSettings) {
        settings.jobs = jobs ?? RunSettings.defaultJobs
        settings.concurrency = concurrency
        settings.transfer = transfer
        settings.caseDeadline = caseDeadline
        settings.maxConsecutiveTransportFailures = maxTransportFailures
        settings.maxOperationTimeouts = maxOperationTimeouts
        settings.maxRunSeconds = maxTime
    }
}

/// What the console and the report files look like.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Where to write the JUnit XML report.")
    var junit: String = "reports/junit.xml"

    @Option(name: .long, help: "Where to write the JSON report (same content as the XML).")
    var json: String = "reports/report.json"

    @Flag(name: [.short, .long], help: "Only the summary line and failures.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Show each case's transcript on failure.")
    var verbose = false

    @Flag(name: .long, help: "List unknown extra response properties as warnings (default: allowed, Graph adds properties over time).")
    var strict = false

    @Flag(name: .customLong("gitlab-file-attribute"), help: "Add file= to each <testcase> for GitLab's File column (the Jenkins xUnit XSD rejects it).")
    var gitlabFileAttribute = false

    @Option(name: .long, help: "Also write a self-contained HTML report (one file, no network) here.")
    var html: String?

    @Option(name: .long, help: "Extra report beside the JUnit file (repeatable): 'html' writes report.html there.")
    var report: [ExtraReport] = []

    @Option(name: .long, help: "CI annotations: auto (GitHub Actions or GitLab CI when detected), github, gitlab, none.")
    var annotations: AnnotationFormat = .auto
}

extension SuiteOptions {
    /// Where a run's files come from, with the command line's overrides.
    func source(baseURL: String? = nil, casePaths: [String]? = nil, forceMint: Bool = false) throws -> SuiteSource {
        SuiteSource(casesDirectory: cases, targetPath: target, casePaths: casePaths, policyOverrides: try policyOverrides(),
                    baseURL: baseURL, forceMint: forceMint)
    }

    /// `--base-url` must be an absolute http(s) URL: a typo must not become 179 connection errors.
    static func validateBaseURL(_ baseURL: String?) throws {
        guard let baseURL else { return }
        if TokenOrigin(baseURL: baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http(s) URL with a host, e.g. http://127.0.0.1:8080/beta; got '\(baseURL)'")
        }
    }

    /// Parses `name=value` overrides; the value is read as YAML/JSON so lists and numbers work.
    func policyOverrides() throws -> [String: JSONValue] {
        var overrides: [String: JSONValue] = [:]
        for item in policy {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ValidationError("--policy takes NAME=VALUE, got '\(item)'")
            }
            let name = String(item[..<equals])
            let text = String(item[item.index(after: equals)...])
            overrides[name] = (try? JSONParser.parse(text).value) ?? .string(text)
        }
        return overrides
    }
}

extension RunSettings.Concurrency: ExpressibleByArgument {}

extension OutputOptions {
    var reportOutput: ReportOutput {
        var output = ReportOutput(junitPath: junit, jsonPath: json)
        output.gitlabFileAttribute = gitlabFileAttribute
        return output
    }
}
