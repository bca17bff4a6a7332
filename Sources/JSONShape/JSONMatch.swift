/// "The response contains at least this": the check behind a case's `expect body` blocks.
public enum JSONMatch {
    /// Subset match: every member in `expected` must be present in `actual` with a matching value.
    /// Objects recurse as subsets; arrays must have the same length and match element-wise as
    /// subsets; numbers compare by value (`1` matches `1.0`); strings that are DateTimeOffsets on
    /// both sides compare as instants at the coarser precision. One mismatch per problem, in the
    /// order of `expected`.
    public static func subset(expected: JSONValue, actual: JSONValue, at pointer: JSONPointer = .root) -> [ShapeMismatch] {
        var mismatches: [ShapeMismatch] = []
        collect(expected: expected, actual: actual, at: pointer, into: &mismatches)
        return mismatches
    }

    private static func collect(expected: JSONValue, actual: JSONValue, at pointer: JSONPointer, into mismatches: inout [ShapeMismatch]) {
        switch (expected, actual) {
        case (.object(let wanted), .object(let found)):
            for (key, value) in wanted {
                guard let member = found[key] else {
                    mismatches.append(ShapeMismatch(pointer: pointer.appending(key), expected: value.diagnosticExcerpt, actual: "absent"))
                    continue
                }
                collect(expected: value, actual: member, at: pointer.appending(key), into: &mismatches)
            }
        case (.array(let wanted), .array(let found)):
            guard wanted.count == found.count else {
                mismatches.append(ShapeMismatch(
                    pointer: pointer, expected: "\(wanted.count) elements \(expected.excerpt(limit: 60))",
                    actual: "\(found.count) elements \(actual.excerpt(limit: 60))"))
                return
            }
            for (index, (value, element)) in zip(wanted, found).enumerated() {
                collect(expected: value, actual: element, at: pointer.appending(index), into: &mismatches)
            }
        default:
            if !scalarsMatch(expected, actual) {
                mismatches.append(ShapeMismatch(pointer: pointer, expected: expected.diagnosticExcerpt, actual: actual.diagnosticExcerpt))
            }
        }
    }

    /// JSON equality, except that two DateTimeOffset strings match at the coarser precision.
    static func scalarsMatch(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if lhs == rhs { return true }
        guard case .string(let left) = lhs, case .string(let right) = rhs,
            let leftInstant = DateTimeOffsetValue(left), let rightInstant = DateTimeOffsetValue(right)
        else { return false }
        return leftInstant.equalsAtCoarserPrecision(rightInstant)
    }
}
