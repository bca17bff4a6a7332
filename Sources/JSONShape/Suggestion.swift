/// "Did you mean …" for misspelt keys, enum members and shape names.
public enum Suggestion {
    /// The closest candidate within a small edit distance (or equal ignoring case), if any.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let caseMatch = candidates.first(where: { $0.lowercased() == lowered }) { return caseMatch }
        let limit = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        // The distance is at least the difference in length: a megabyte-long misspelling then costs
        // a length check per candidate instead of a quadratic comparison (found by the fuzzer).
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Edit distance counting insertions, deletions, substitutions and adjacent transpositions
    /// (optimal string alignment), so `tpye` is one edit from `type`.
    public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.unicodeScalars), right = Array(rhs.unicodeScalars)
        var table = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
        for i in 0...left.count { table[i][0] = i }
        for j in 0...right.count { table[0][j] = j }
        for i in stride(from: 1, through: left.count, by: 1) {
            for j in stride(from: 1, through: right.count, by: 1) {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[left.count][right.count]
    }

    /// "; did you mean 'x'?" for an error message, or nothing when no candidate is close.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
