/// "Did you mean …" for misspelt keys, enum members and shape names.
enum Suggestion {
    /// The closest candidate within a small edit distance (or equal ignoring case), if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        if let caseMatch = candidates.first(where: { $0.lowercased() == word.lowercased() }) { return caseMatch }
        let limit = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.unicodeScalars), right = Array(rhs.unicodeScalars)
        if left.isEmpty { return right.count }
        var previous = Array(0...right.count)
        for (i, leftScalar) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightScalar) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftScalar == rightScalar ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
