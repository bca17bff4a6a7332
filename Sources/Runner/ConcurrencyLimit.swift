/// How many cases may run at once, adapted to what the target's answers say (AIMD).
///
/// A remote target answers in 50–300 ms, and there a run's length is set by how many requests
/// overlap, not by CPU. So the limit starts low and grows while requests are *latency-bound*
/// (each waits far longer than the runner spends computing it) and the target does not push back:
/// by one per answer (doubling per round trip, "slow start") until the target first pushes back,
/// then by one per round trip. It halves at once when the target answers 429 or 503, or when
/// answers slow down to twice their recent average (queueing: we may be the load), at most once per
/// round trip (answers to requests sent before the last cut do not cut again). It never leaves 1…cap,
/// and a latency rise never takes it below where it started: that undoes growth, while only a
/// target that pushes back can ask for less than the old fixed pool. On a loaded machine a local
/// target's latency is mostly our own CPU queue, and cutting below the start made such runs flap
/// (1,878 waits for a permit in 10,000 requests) and lose a tenth of their speed.
///
/// It also never grows past what the CPU can feed: with `cores` cores, a request that waits L and
/// costs C of CPU keeps at most `cores × (1 + L / C)` requests usefully in flight (Little's law). On
/// a loopback mock, where an answer takes about as long as the CPU spends on it, it does not grow.
///
/// Pure: times come in as seconds on any one clock; `ConcurrencyGate` feeds it.
struct ConcurrencyLimit: Sendable {
    enum Change: Equatable, Sendable {
        case held, grew
        case cut(Reason)
    }

    enum Reason: String, Sendable {
        /// 429 or 503: the target asked us to slow down.
        case pushback
        /// Answers take twice as long as they used to.
        case latencyRise
    }

    /// Latency-bound means an answer takes at least this many times the CPU spent per request.
    static let latencyBoundRatio = 8.0
    /// Short-term latency this many times the long-term average counts as a rise.
    static let riseFactor = 2.0
    /// Answers needed before a rise is judged, so one slow first answer cuts nothing.
    static let samplesBeforeRise = 16

    let cap: Int
    let cores: Int
    /// Where the limit started: the floor of a latency-rise cut.
    let start: Int
    private(set) var limit: Int
    /// True until the first cut: grow by one per answer instead of one per round trip.
    private(set) var slowStart = true
    private var credit = 0.0
    /// Seconds per answer, smoothed over about 8 and about 64 answers.
    private(set) var shortLatency: Double?
    private(set) var longLatency: Double?
    private var samples = 0
    /// The runner's CPU seconds per request, as last measured.
    private(set) var cpuPerRequest: Double?
    private var lastCut = -Double.infinity

    init(initial: Int, cap: Int, cores: Int) {
        self.cap = max(1, cap)
        self.cores = max(1, cores)
        limit = min(max(1, initial), self.cap)
        start = limit
    }

    /// A fresh measurement of the runner's CPU per request (seconds).
    mutating func record(cpuSecondsPerRequest seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return }
        cpuPerRequest = cpuPerRequest.map { ($0 + seconds) / 2 } ?? seconds
    }

    /// True when answers wait far longer than the runner computes: more overlap would help.
    var isLatencyBound: Bool {
        guard let latency = shortLatency, let cpu = cpuPerRequest else { return false }
        return latency >= Self.latencyBoundRatio * max(cpu, 1e-6)
    }

    /// The most requests in flight the CPU can keep busy (Little's law), nil before a measurement.
    var usefulLimit: Double? {
        guard let latency = shortLatency, let cpu = cpuPerRequest else { return nil }
        return Double(cores) * (1 + latency / max(cpu, 1e-6))
    }

    /// One answer: its status, when its request left and when the answer came (seconds), and how
    /// many cases were running then (a limit that is not used is not grown). `latencySample` false:
    /// the time also paid for something else (a new connection), so it counts for growth only.
    @discardableResult
    mutating func observe(status: Int, sentAt: Double, receivedAt: Double, inFlight: Int, latencySample: Bool = true) -> Change {
        if status == 429 || status == 503 {
            return cut(.pushback, sentAt: sentAt, now: receivedAt)
        }
        if latencySample {
            let latency = max(0, receivedAt - sentAt)
            shortLatency = shortLatency.map { $0 + (latency - $0) / 8 } ?? latency
            longLatency = longLatency.map { $0 + (latency - $0) / 64 } ?? latency
            samples += 1
        }
        guard isLatencyBound else { return .held }
        if samples >= Self.samplesBeforeRise, let short = shortLatency, let long = longLatency, short > Self.riseFactor * long {
            return cut(.latencyRise, sentAt: sentAt, now: receivedAt)
        }
        guard inFlight >= limit, limit < cap, Double(limit + 1) <= usefulLimit ?? 0 else { return .held }
        if slowStart {
            limit += 1
            return .grew
        }
        credit += 1 / Double(limit)
        guard credit >= 1 else { return .held }
        credit -= 1
        limit += 1
        return .grew
    }

    private mutating func cut(_ reason: Reason, sentAt: Double, now: Double) -> Change {
        // One cut per round trip: answers to requests sent before the last cut describe the old load.
        guard sentAt >= lastCut else { return .held }
        let floor = reason == .latencyRise ? min(start, limit) : 1
        let halved = max(floor, limit / 2)
        guard halved < limit else { return .held }
        lastCut = now
        // Only a target that asked us to slow down is approached gently from here on. A rise in
        // latency may be a passing stall (or our own CPU): regrowing fast is cheap, since a rise
        // that persists cuts again a round trip later.
        if reason == .pushback { slowStart = false }
        credit = 0
        limit = halved
        return .cut(reason)
    }
}
