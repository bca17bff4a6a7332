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
    @Option(name: .long, help: "Concurrent workers, each with its own connection.")
    var jobs: Int = 4

    @Option(name: .customLong("connect-timeout"), help: "Seconds to establish a connection.")
    var connectTimeout: Double = 5

    @Option(name: .long, help: "Seconds for one whole request/response.")
    var timeout: Double = 15

    @Option(name: .customLong("case-deadline"), help: "Seconds one case (setup + steps) may take.")
    var caseDeadline: Double = 60

    @Option(name: .customLong("max-transport-failures"), help: "Consecutive connect/timeout failures after which the target counts as silent and the remaining cases are reported as errors.")
    var maxTransportFailures: Int = 3

    @Flag(name: .long, help: "Do not verify TLS certificates (the report says so).")
    var insecure = false

    @Option(name: .long, help: "CA bundle (PEM) to verify the target's certificate with.")
    var cacert: String?

    func apply(to settings: inout RunSettings) {
        settings.jobs = max(1, jobs)
        settings.transfer.connectTimeout = connectTimeout
        settings.transfer.totalTimeout = timeout
        settings.transfer.insecure = insecure
        settings.transfer.caCertPath = cacert
        settings.caseDeadline = caseDeadline
        settings.maxConsecutiveTransportFailures = max(1, maxTransportFailures)
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
