extension StringProtocol {
    /// Drops spaces and tabs at both ends: HTTP's optional whitespace around header values and
    /// their parameters (RFC 9110 §5.6.3). What `trimmingCharacters(in: .whitespaces)` did for
    /// them, without bridging every header of every request to NSString.
    func trimmingBlanks() -> SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
