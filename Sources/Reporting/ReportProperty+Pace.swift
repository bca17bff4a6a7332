/// The run's pace properties: wall time, the critical-path bound (the longest case: no schedule
/// can end sooner), the most cases that ran at once, how concurrency was chosen, and how often the
/// target pushed back (429/503). A benchmark reads them from the JSON report.
extension ReportProperty {
    public static let wallSecondsName = "run.wallSeconds"
    public static let criticalPathSecondsName = "run.criticalPathSeconds"
    public static let criticalPathCaseName = "run.criticalPathCase"
    public static let peakConcurrencyName = "run.peakConcurrency"
    public static let concurrencyName = "run.concurrency"
    public static let pushbacksName = "run.throttledResponses"

    public static func pace(wallSeconds: Double, criticalPathSeconds: Double, criticalPathCase: String, peakConcurrency: Int,
                            concurrency: String, pushbacks: Int) -> [ReportProperty] {
        [
            ReportProperty(name: wallSecondsName, value: ReportFormat.seconds(wallSeconds)),
            ReportProperty(name: criticalPathSecondsName, value: ReportFormat.seconds(criticalPathSeconds)),
            ReportProperty(name: criticalPathCaseName, value: criticalPathCase),
            ReportProperty(name: peakConcurrencyName, value: String(peakConcurrency)),
            ReportProperty(name: concurrencyName, value: concurrency),
            ReportProperty(name: pushbacksName, value: String(pushbacks)),
        ]
    }
}

extension ConsoleReporter {
    /// "Pace: wall 2.412 s; critical path 0.803 s (consistency › …); peak concurrency 24 (adaptive, cap 32); 0 throttled"
    /// from the report properties, nil when the run did not record them.
    static func paceLine(_ report: RunReport) -> String? {
        let value = { (name: String) in report.properties.first { $0.name == name }?.value }
        guard let wall = value(ReportProperty.wallSecondsName), let path = value(ReportProperty.criticalPathSecondsName),
            let peak = value(ReportProperty.peakConcurrencyName)
        else { return nil }
        var line = "Pace: wall \(wall) s; critical path \(path) s"
        if let name = value(ReportProperty.criticalPathCaseName), !name.isEmpty { line += " (\(name))" }
        line += "; peak concurrency \(peak)"
        if let mode = value(ReportProperty.concurrencyName) { line += " (\(mode))" }
        if let throttled = value(ReportProperty.pushbacksName), throttled != "0" { line += "; \(throttled) answers 429/503" }
        return line
    }
}
