@testable import Runner
import Identifiers
import TestSupport
import Testing

/// The adaptive limit as pure logic: answers in, limit out, on a made-up clock.
@Suite struct ConcurrencyLimitTests {
    /// A limit that has measured 1 ms of CPU per request, on 2 cores.
    static func measured(initial: Int = 4, cap: Int = 32) -> ConcurrencyLimit {
        var limit = ConcurrencyLimit(initial: initial, cap: cap, cores: 2)
        limit.record(cpuSecondsPerRequest: 0.001)
        return limit
    }

    /// Feeds `count` answers of `latency` seconds, one after another, with every permit in use.
    static func feed(_ limit: inout ConcurrencyLimit, count: Int, latency: Double, status: Int = 200, clock: inout Double) -> [ConcurrencyLimit.Change] {
        (0..<count).map { _ in
            clock += 0.001
            return limit.observe(status: status, sentAt: clock - latency, receivedAt: clock, inFlight: limit.limit)
        }
    }

    @Test func latencyBoundAnswersGrowTheLimitToTheCapAndNoFurther() {
        var limit = Self.measured(cap: 24)
        var clock = 100.0
        _ = Self.feed(&limit, count: 8, latency: 0.05, clock: &clock)
        #expect(limit.limit == 12, "slow start: one more per answer")
        _ = Self.feed(&limit, count: 500, latency: 0.05, clock: &clock)
        #expect(limit.limit == 24)
    }

    @Test func aLimitThatIsNotUsedDoesNotGrow() {
        var limit = Self.measured()
        for step in 0..<50 {
            limit.observe(status: 200, sentAt: Double(step), receivedAt: Double(step) + 0.05, inFlight: 2)
        }
        #expect(limit.limit == 4)
    }

    /// Loopback: an answer takes about what the CPU spends on it, so more overlap would not help.
    @Test func cpuBoundAnswersHoldTheLimit() {
        var limit = Self.measured()
        var clock = 0.0
        let changes = Self.feed(&limit, count: 200, latency: 0.002, clock: &clock)
        #expect(limit.limit == 4)
        #expect(!changes.contains(.grew))
        #expect(!limit.isLatencyBound)
    }

    /// A first answer on a new connection counts for growth, but its time (connect included) is
    /// not the target's latency.
    @Test func answersThatAreNotLatencySamplesStillGrowButMoveNoAverage() {
        var limit = Self.measured()
        var clock = 0.0
        _ = Self.feed(&limit, count: 4, latency: 0.05, clock: &clock)
        #expect(limit.limit == 8)
        let before = limit.shortLatency
        #expect(limit.observe(status: 200, sentAt: clock, receivedAt: clock + 2, inFlight: 8, latencySample: false) == .grew)
        #expect(limit.shortLatency == before)
        #expect(limit.limit == 9)
    }

    @Test func withoutACPUMeasurementNothingGrows() {
        var limit = ConcurrencyLimit(initial: 4, cap: 32, cores: 2)
        var clock = 0.0
        _ = Self.feed(&limit, count: 50, latency: 0.05, clock: &clock)
        #expect(limit.limit == 4)
    }

    /// Little's law: 2 cores, 5 ms of wait per 0.5 ms of CPU keep at most 22 requests usefully busy.
    @Test func growthStopsWhereTheCPUWouldSaturate() {
        var limit = ConcurrencyLimit(initial: 4, cap: 64, cores: 2)
        limit.record(cpuSecondsPerRequest: 0.0005)
        var clock = 0.0
        _ = Self.feed(&limit, count: 1000, latency: 0.005, clock: &clock)
        #expect(limit.limit == 22)
    }

    @Test(arguments: [429, 503])
    func pushbackHalvesAtOnceAndEndsSlowStart(status: Int) {
        var limit = Self.measured(cap: 32)
        var clock = 10.0
        _ = Self.feed(&limit, count: 12, latency: 0.05, clock: &clock)
        #expect(limit.limit == 16)
        clock += 0.01
        #expect(limit.observe(status: status, sentAt: clock - 0.05, receivedAt: clock, inFlight: 16) == .cut(.pushback))
        #expect(limit.limit == 8)
        #expect(!limit.slowStart)
        // Additive from here: 8 answers at a limit of 8 add one, not eight.
        _ = Self.feed(&limit, count: 8, latency: 0.05, clock: &clock)
        #expect(limit.limit == 9)
    }

    /// Answers to requests that left before the cut describe the old load: they cut nothing more.
    @Test func oneCutPerRoundTrip() {
        var limit = Self.measured(initial: 16)
        #expect(limit.observe(status: 429, sentAt: 0.95, receivedAt: 1.0, inFlight: 16) == .cut(.pushback))
        #expect(limit.observe(status: 429, sentAt: 0.97, receivedAt: 1.02, inFlight: 16) == .held)
        #expect(limit.limit == 8)
        #expect(limit.observe(status: 429, sentAt: 1.01, receivedAt: 1.06, inFlight: 8) == .cut(.pushback))
        #expect(limit.limit == 4)
    }

    @Test func neverBelowOne() {
        var limit = Self.measured(initial: 3)
        for step in 0..<20 {
            limit.observe(status: 503, sentAt: Double(step), receivedAt: Double(step) + 0.5, inFlight: 1)
        }
        #expect(limit.limit == 1)
    }

    @Test func neverAboveTheCapEvenWhenStartedAbove() {
        let limit = ConcurrencyLimit(initial: 10, cap: 3, cores: 2)
        #expect(limit.limit == 3)
        #expect(ConcurrencyLimit(initial: 0, cap: 0, cores: 0).limit == 1)
    }

    /// The target slows down under our load (50 ms → 200 ms): the limit halves, again a round trip
    /// later while it stays slow, and not for answers sent before a cut.
    @Test func risingLatencyHalves() {
        let (limit, grownTo, changes) = Self.grownThenSlowed(initial: 4, cap: 16)
        #expect(grownTo == 16)
        let cuts = changes.filter { $0 == .cut(.latencyRise) }.count
        #expect(cuts >= 1)
        #expect(limit.limit < 16)
        // Each cut needs answers sent after the previous one: at 1 ms per answer and 200 ms each,
        // these 20 answers were all sent before the first cut, so exactly one cut.
        #expect(cuts == 1, "\(changes)")
        #expect(limit.limit == 8)
    }

    /// A loaded machine: answers from a local target wait in our own CPU queue (latency-bound by
    /// the ratio, then twice as slow). A rise undoes growth but never cuts below the start; only
    /// pushback does.
    @Test func latencyRiseNeverCutsBelowTheStartButPushbackDoes() {
        var limit = Self.measured(initial: 4, cap: 4)
        var clock = 0.0
        _ = Self.feed(&limit, count: 40, latency: 0.01, clock: &clock)
        #expect(limit.isLatencyBound)
        let changes = Self.feed(&limit, count: 40, latency: 0.05, clock: &clock)
        #expect(!changes.contains(.cut(.latencyRise)), "\(changes)")
        #expect(limit.limit == 4)
        clock += 1
        #expect(limit.observe(status: 429, sentAt: clock - 0.01, receivedAt: clock, inFlight: 4) == .cut(.pushback))
        #expect(limit.limit == 2)
        // Below the start after pushback, a rise takes nothing more and raises nothing.
        clock += 1
        let after = Self.feed(&limit, count: 40, latency: 0.2, clock: &clock)
        #expect(!after.contains(.cut(.latencyRise)))
        #expect(limit.limit >= 2)
    }

    /// Grown past the start, a rise halves, but to no less than the start.
    @Test func latencyRiseStopsAtTheStart() {
        let (limit, grownTo, changes) = Self.grownThenSlowed(initial: 4, cap: 6)
        #expect(grownTo == 6)
        #expect(changes.contains(.cut(.latencyRise)))
        #expect(limit.limit == 4, "6 halves to 3, held at the start")
    }

    /// 100 answers at 50 ms (the limit grows to the cap), then 20 at 200 ms, 1 ms apart: the limit
    /// after both, the limit it had grown to, and the changes the slow answers made.
    static func grownThenSlowed(initial: Int, cap: Int) -> (limit: ConcurrencyLimit, grownTo: Int, changes: [ConcurrencyLimit.Change]) {
        var limit = measured(initial: initial, cap: cap)
        var clock = 0.0
        _ = feed(&limit, count: 100, latency: 0.05, clock: &clock)
        let grownTo = limit.limit
        let changes = feed(&limit, count: 20, latency: 0.2, clock: &clock)
        return (limit, grownTo, changes)
    }

    /// Jitter around a steady latency (30–70 ms) is not a rise.
    @Test func jitterIsNotARise() {
        var limit = Self.measured(initial: 4, cap: 32)
        var clock = 0.0
        var generator = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            clock += 0.001
            let latency = 0.03 + 0.04 * Double(generator.next() % 1000) / 1000
            limit.observe(status: 200, sentAt: clock - latency, receivedAt: clock, inFlight: limit.limit)
        }
        #expect(limit.limit == 32)
        #expect(limit.slowStart, "never cut")
    }
}
