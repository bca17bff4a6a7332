import Reporting

/// The typed reasons a run gives for cases it stopped early to stay bounded, worded once.
extension Problem {
    /// A case reached an operation whose breaker is open.
    static func operationSilent(_ operation: OperationKey, label: String, url: String, threshold: Int, location: String) -> Problem {
        let why = "\(operation) timed out \(threshold) times with no successful answer in between; not sent again in this run"
        return Problem(type: "transport.operation-silent", message: "\(label): not sent: \(why)",
                       detail: "\(label) \(url)\n\(why)\n  at \(location)")
    }

    /// The run's `--max-time` passed before or while this case ran.
    static func runDeadline(seconds: Double?, before what: String, location: String? = nil) -> Problem {
        let limit = seconds.map { $0.rounded() == $0 ? "\(Int($0)) s" : "\($0) s" } ?? "its limit"
        let message = "run deadline (--max-time \(limit)) passed \(what)"
        return Problem(type: "run.deadline", message: message, detail: message + (location.map { "\n  at \($0)" } ?? ""))
    }

    /// A URL the target handed us (an `@odata.nextLink`) points at another origin.
    static func foreignOrigin(_ url: String, label: String, location: String) -> Problem {
        let message = "\(label): @odata.nextLink \(url) leaves the target; not followed (the token stays with the target)"
        return Problem(type: "graph.contract-mismatch", message: message, detail: message + "\n  at \(location)")
    }

    /// A request with Authorization for a URL outside the target's origin: never sent.
    static func tokenWouldLeave(_ url: String, label: String, location: String) -> Problem {
        let message = "\(label): \(url) is not the target's origin; not sent (a token goes nowhere else)"
        return Problem(type: "case.bad-fixture", message: message, detail: message + "\n  at \(location)")
    }
}
