import ArgumentParser
import GraphMock

/// `--latency 50`, `--latency 50~20` or `--latency 50 --latency-jitter 20`, shared by `serve` and `run --mock-latency`.
extension MockLatency {
    static func option(_ text: String?, jitter: Int?, name: String = "--latency") throws -> MockLatency? {
        guard let text else {
            if jitter != nil { throw ValidationError("\(name)-jitter needs \(name)") }
            return nil
        }
        guard var latency = MockLatency(parsing: text) else {
            throw ValidationError("\(name) takes milliseconds, optionally with jitter: 50 or 50~20; got '\(text)'")
        }
        if let jitter {
            guard jitter >= 0 else { throw ValidationError("\(name)-jitter must be at least 0, got \(jitter)") }
            latency.jitterMilliseconds = jitter
        }
        return latency
    }
}
