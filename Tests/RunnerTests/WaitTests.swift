import CaseModel
import JSONShape
@testable import Runner
import Testing

/// `wait: {precisionOf: …}` pauses just long enough for a timestamp of that precision to move.
@Suite struct WaitTests {
    @Test(arguments: [
        ("2026-11-29T10:00:00Z", 1.1),
        ("2026-11-29T10:00:00.0000000Z", 1.1),
        ("2026-11-29T10:00:00.123Z", 0.0011),
        ("2026-11-29T10:00:00.1230000Z", 0.0011),
        ("2026-11-29T10:00:00.2294868Z", 0.00000011),
        ("2026-11-29T10:00:00.5+01:00", 0.11),
        ("not a timestamp", 1.1),
    ])
    func pauseFollowsSignificantDigits(timestamp: String, expected: Double) {
        let bindings = Bindings(builtins: ["t": .string(timestamp)])
        let seconds = CaseExecution.seconds(for: .precisionOf("${t}"), bindings: bindings)
        #expect(abs(seconds - expected) < expected * 1e-6, "\(timestamp): \(seconds)")
    }

    @Test func fixedSecondsAreTakenAsWritten() {
        #expect(CaseExecution.seconds(for: .seconds(0.25), bindings: Bindings(builtins: [:])) == 0.25)
    }
}
