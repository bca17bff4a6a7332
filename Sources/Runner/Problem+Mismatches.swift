import Reporting

/// Problems built from a step's broken expectations. The mismatches stay typed; `detail` is only
/// the headline, and each writer renders the mismatches its own way.
extension Problem {
    /// The one type every contract failure has, whatever was checked (status, header, body shape,
    /// values, snapshots): documented in README.md, "Reports and exit codes".
    static let contractMismatchType = "graph.contract-mismatch"

    /// A step's answer broke the contract: `headline` is "step 2 PATCH /me/… -> 200".
    static func contractMismatch(_ headline: String, _ mismatches: [Mismatch]) -> Problem {
        Problem(type: contractMismatchType, message: headline + (mismatches.first.map { ": " + $0.line } ?? ""),
                detail: headline, mismatches: mismatches)
    }

    /// A setup step broke the contract, so the case could not be judged: an error, not a failure.
    static func setupFailed(_ problem: Problem) -> Problem {
        Problem(type: "case.setup-failed", message: "setup failed: " + problem.message, detail: problem.detail, mismatches: problem.mismatches)
    }
}
