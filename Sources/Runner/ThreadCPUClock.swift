#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds used so far: by the calling thread (what a runner worker itself spends per request,
/// apart from whatever else shares the machine), or by the whole process (when the target is the
/// embedded mock, its CPU is local CPU too).
enum ThreadCPUClock {
    @Sendable static func seconds() -> Double { read(CLOCK_THREAD_CPUTIME_ID) }

    @Sendable static func processSeconds() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Double {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
