/// The text form of mismatches and of the problems that carry them: what JUnit's element text and
/// the console show. Written here once; the JSON report renders the fields instead.
extension Mismatch {
    /// One line: `/detail/jobTitle: expected "Engineer", got null`, `status: expected 200, got 404`,
    /// `error body /error/code: expected …`. The empty pointer (the whole body) reads "(root)".
    public var line: String {
        let label = [subject, pointer.map { $0.isEmpty ? "(root)" : $0 }].compactMap { $0 }.joined(separator: " ")
        return (label.isEmpty ? "" : label + ": ") + "expected \(expected), got \(actual)"
    }
}

extension Problem {
    /// `detail`, then each mismatch with the case-file line that asked for it:
    /// ```
    /// step 2 PATCH /me/profile/positions/{id} -> 200
    ///   /detail/jobTitle: expected "Engineer", got null
    ///     at cases/partial/x.yaml:88:11
    /// ```
    public var text: String {
        var lines = detail.isEmpty ? [] : [detail]
        for mismatch in mismatches {
            lines.append("  " + mismatch.line)
            if let location = mismatch.location { lines.append("    at " + location) }
        }
        return lines.joined(separator: "\n")
    }
}
