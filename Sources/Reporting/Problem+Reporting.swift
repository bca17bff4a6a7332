/// Problems the reporting layer itself raises, worded in one place.
extension Problem {
    /// The run produced no test cases; reported as an error so CI does not pass an empty run.
    static func noCasesRan(interrupted: Bool, emptyFiles: [String]) -> Problem {
        var lines = [interrupted
            ? "no test cases ran: the run was interrupted before any case finished"
            : "no test cases ran: no case was selected, or every selected case file was empty"]
        if !emptyFiles.isEmpty {
            lines.append("case files without cases: " + emptyFiles.joined(separator: ", "))
        }
        return Problem(type: "run.no-cases", message: "no test cases ran", detail: lines.joined(separator: "\n"))
    }
}
