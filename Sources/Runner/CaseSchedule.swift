import CaseModel

/// The order cases start in: longest estimated chain first, so the run's tail is short cases that
/// fill the gaps rather than one long chain that starts last and sets the run's length alone.
/// The report keeps plan order whatever this says.
enum CaseSchedule {
    /// What one request is assumed to cost when comparing a `wait` with a number of steps: the
    /// latency of a nearby Graph region. Only the order depends on it.
    static let nominalRequestSeconds = 0.05

    /// Plan indices, longest estimate first; equal estimates keep plan order.
    static func order(_ planned: [PlannedCase]) -> [Int] {
        let estimates = planned.map(estimatedSeconds)
        return planned.indices.sorted { estimates[$0] != estimates[$1] ? estimates[$0] > estimates[$1] : $0 < $1 }
    }

    /// Every step, setup and teardown included, at the nominal request time, plus every `wait` at
    /// its longest (a `precisionOf` wait lasts up to 1.1 s, for a server that stores whole seconds).
    static func estimatedSeconds(_ planned: PlannedCase) -> Double {
        let file = planned.file, definition = planned.definition
        let steps = file.setup + definition.setup + definition.steps + definition.teardown + file.teardown
        let waits = steps.compactMap(\.wait).map { wait -> Double in
            switch wait {
            case .seconds(let seconds): seconds
            case .precisionOf: 1.1
            }
        }
        return Double(steps.count) * nominalRequestSeconds + waits.reduce(0, +)
    }
}
