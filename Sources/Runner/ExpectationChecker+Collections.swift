import CaseModel
import Foundation
import JSONShape
import Reporting

/// Checks that look across values: timestamps in order, items in lists, members outside the contract.
extension ExpectationChecker {
    func checkLater(pointer: JSONPointer, than: Located<JSONValue>, body: JSONValue, allowSame: Bool = false) -> [Mismatch] {
        let wanted = allowSame ? "the same instant as or later than" : "later than"
        guard let reference = try? bindings.resolve(than.value), let referenceText = reference.stringValue,
            let earlier = DateTimeOffsetValue(referenceText)
        else {
            return [Mismatch(at: pointer, expected: "an Edm.DateTimeOffset to compare with", actual: than.value.rendered(), location: than.location)]
        }
        guard let actualText = body.value(at: pointer)?.stringValue, let actual = DateTimeOffsetValue(actualText) else {
            return [Mismatch(at: pointer, expected: "a timestamp \(wanted) \(referenceText)",
                             actual: body.value(at: pointer)?.excerpt() ?? "nothing (absent)", location: than.location)]
        }
        let same = actual.equalsAtCoarserPrecision(earlier)
        if allowSame ? !(same || actual > earlier) : (same || !(actual > earlier)) {
            return [Mismatch(at: pointer, expected: "\(wanted) \(referenceText)", actual: actualText, location: than.location)]
        }
        return []
    }

    /// The body equals the snapshot except at the listed pointers and at members outside the
    /// contract. The first difference carries both bodies, so a reader can compare them whole.
    func checkUnchanged(_ unchanged: Assertion.Unchanged, body: JSONValue, warnings: inout [Mismatch]) -> [Mismatch] {
        guard let before = snapshots[unchanged.snapshot] else {
            return [Mismatch("unchanged", expected: "a snapshot named '\(unchanged.snapshot)'",
                             actual: "none was taken (an earlier step failed?)", location: unchanged.location)]
        }
        // Members the contract does not declare are outside it: a conforming server may add
        // and recalculate them (reference §5: omitted properties may be "recalculated").
        let undeclared = Self.undeclaredPointers(in: before, declared: declaredNames)
            + Self.undeclaredPointers(in: body, declared: declaredNames)
        let ignored = unchanged.except + undeclared
        for pointer in Set(undeclared).sorted() where before.value(at: pointer) != body.value(at: pointer) {
            warnings.append(Mismatch(at: pointer, expected: "\(before.value(at: pointer)?.excerpt() ?? "absent") (undeclared member: not part of the contract; ignored)",
                                     actual: body.value(at: pointer)?.excerpt() ?? "absent", location: unchanged.location))
        }
        let differences = JSONDiff.differences(before: before, after: body, ignoring: ignored)
        guard !differences.isEmpty else { return [] }
        let comparison = Mismatch.Comparison(snapshot: before.rendered(pretty: true), current: body.rendered(pretty: true))
        return differences.enumerated().map { index, difference in
            Mismatch(at: difference.pointer, expected: "\(difference.before) (unchanged since snapshot '\(unchanged.snapshot)')",
                     actual: difference.after, location: unchanged.location, comparison: index == 0 ? comparison : nil)
        }
    }

    func checkMembership(_ membership: Assertion.Membership, body: JSONValue, wanted: Bool) -> [Mismatch] {
        guard let elements = body.value(at: membership.array)?.arrayValue else {
            return [Mismatch(at: membership.array, expected: "an array", actual: body.value(at: membership.array)?.excerpt() ?? "nothing (absent)",
                             location: membership.location)]
        }
        let item: JSONValue
        do {
            item = try bindings.resolve(membership.item)
        } catch {
            return [Mismatch(at: membership.array, expected: "an element matching \(membership.item.excerpt())",
                             actual: "a value that cannot be resolved (\(error.message))", location: membership.location)]
        }
        let matches = elements.indices.filter { JSONMatch.subset(expected: item, actual: elements[$0]).isEmpty }
        if wanted, matches.isEmpty {
            return [Mismatch(at: membership.array, expected: "an element matching \(item.excerpt())",
                             actual: "none of \(elements.count) elements", location: membership.location)]
        }
        if !wanted, let first = matches.first {
            return [Mismatch(at: membership.array.appending(first), expected: "no element matching \(item.excerpt())",
                             actual: elements[first].excerpt(), location: membership.location)]
        }
        return []
    }

    /// Pointers of object members whose names no contract type declares (annotations aside,
    /// which every comparison skips anyway).
    static func undeclaredPointers(in value: JSONValue, declared: Set<String>) -> [JSONPointer] {
        var found: [JSONPointer] = []
        var trail: [String] = []
        collectUndeclared(in: value, declared: declared, trail: &trail, into: &found)
        return found
    }

    /// The walk behind `undeclaredPointers`: tokens pushed and popped on the way down, a pointer
    /// built only for a member that is reported.
    private static func collectUndeclared(in value: JSONValue, declared: Set<String>, trail: inout [String], into found: inout [JSONPointer]) {
        switch value {
        case .object(let object):
            for (key, member) in object where !key.utf8.contains(UInt8(ascii: "@")) {
                trail.append(key)
                if declared.contains(key) {
                    collectUndeclared(in: member, declared: declared, trail: &trail, into: &found)
                } else {
                    found.append(JSONPointer(tokens: trail))
                }
                trail.removeLast()
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                trail.append(String(index))
                collectUndeclared(in: item, declared: declared, trail: &trail, into: &found)
                trail.removeLast()
            }
        default:
            return
        }
    }
}
