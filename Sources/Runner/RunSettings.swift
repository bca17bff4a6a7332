import CurlClient
import JSONShape

/// Everything about how a run behaves that is not a case: limits, retries, concurrency.
public struct RunSettings: Sendable {
    public var baseURL: String
    /// Most cases running at once (the cap of adaptive concurrency, the pool of a fixed one); each
    /// worker owns one curl handle (keep-alive per worker).
    public var jobs: Int = RunSettings.defaultJobs
    /// Adaptive (default): start at 4 and grow toward `jobs` while the target is far and does not
    /// push back (`ConcurrencyLimit`). Fixed: `jobs` workers from the start, whatever happens.
    public var concurrency: Concurrency = .adaptive
    /// The target runs inside this process (the embedded mock): its CPU is local CPU, so whether
    /// requests are latency-bound is judged against the whole process's CPU per answer.
    public var targetInProcess = false
    public var transfer = TransferOptions()
    /// A case (setup + steps) that runs longer than this is stopped and reported as an error.
    public var caseDeadline: Double = 60
    /// Teardown gets its own budget, so cleanup still happens after a case ran out of time.
    public var teardownBudget: Double = 20
    public var retry = RetryPolicy()
    public var shapePolicy = ShapePolicy()
    public var runID: String
    /// After this many consecutive connect/timeout failures the target counts as silent and the
    /// remaining cases are reported as errors at once, instead of each waiting for its timeouts.
    public var maxConsecutiveTransportFailures: Int = 3
    /// After this many timeouts of one operation (method + route template) with no 2xx answer in
    /// between, the cases that need it are reported as `transport.operation-silent` at once.
    public var maxOperationTimeouts: Int = 3
    /// Seconds the whole run may take (nil: no limit); then unfinished cases are `run.deadline`
    /// errors. Teardowns already under way still get their own budget.
    public var maxRunSeconds: Double? = nil
    /// Passing cases' transcripts are dropped from the report by default: they are the bulk of a
    /// report's size and of the time spent writing it, and nobody reads them.
    public var keepPassingTranscripts = false
    /// Bytes of each request and response body kept in a transcript.
    public var transcriptBodyLimit: Int = 8 * 1024
    public var defaultErrorShape = "graph.error"
    public var userAgent = "graph-conformance/\(GraphConformanceVersion.current)"

    public init(baseURL: String, runID: String) {
        self.baseURL = baseURL
        self.runID = runID
    }
}

extension RunSettings {
    /// The default cap: against a target 50 ms away the catalogue (about 860 requests) needs about
    /// 20 requests in flight to end within 3 s; adaptive concurrency only gets there while the
    /// target keeps up, and halves at its first 429/503.
    public static let defaultJobs = 32

    public enum Concurrency: String, Sendable, CaseIterable {
        case adaptive, fixed
    }
}

/// Throttling (429) and transient (503) answers with `Retry-After` are retried after the stated
/// delay, within these bounds (reference §4.3: "wait that long, retry, repeat while 429 persists").
public struct RetryPolicy: Sendable {
    public var maxRetries: Int = 4
    public var maxDelayPerRetry: Double = 10
    public var maxTotalDelay: Double = 30
    public init() {}
}

public enum GraphConformanceVersion {
    public static let current = "0.1.0"
}
