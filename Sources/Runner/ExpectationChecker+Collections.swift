import CaseModel
import Foundation
import JSONShape

/// Checks that look across values: timestamps in order, items in lists, members outside the contract.
extension ExpectationChecker {
    func checkLater(pointer: JSONPointer, than: Located<JSONValue>, body: JSONValue, allowSame: Bool = false) -> [Finding] {
        guard let reference = try? bindings.resolve(than.value), let referenceText = reference.stringValue,
            let earlier = DateTimeOffsetValue(referenceText)
        else {
            return [Finding(message: "\(pointer): the earlier timestamp \(than.value.rendered()) is not an Edm.DateTimeOffset", location: than.location)]
        }
        guard let actualText = body.value(at: pointer)?.stringValue, let actual = DateTimeOffsetValue(actualText) else {
            return [Finding(message: "\(pointer): expected a timestamp later than \(referenceText), got \(body.value(at: pointer)?.excerpt() ?? "nothing (absent)")", location: than.location)]
        }
        let same = actual.equalsAtCoarserPrecision(earlier)
        if allowSame ? !(same || actual > earlier) : (same || !(actual > earlier)) {
            let wanted = allowSame ? "the same instant as or later than" : "later than"
            return [Finding(message: "\(pointer): expected \(wanted) \(referenceText), got \(actualText)", location: than.location)]
        }
        return []
    }

    /// The body equals the snapshot except at the listed pointers and at members outside the contract.
    func checkUnchanged(_ unchanged: Assertion.Unchanged, body: JSONValue, warnings: inout [Finding]) -> [Finding] {
        guard let before = snapshots[unchanged.snapshot] else {
            return [Finding(message: "no snapshot named '\(unchanged.snapshot)' was taken (an earlier step failed?)", location: unchanged.location)]
        }
        // Members the contract does not declare are outside it: a conforming server may add
        // and recalculate them (reference §5: omitted properties may be "recalculated").
        let undeclared = Self.undeclaredPointers(in: before, declared: declaredNames)
            + Self.undeclaredPointers(in: body, declared: declaredNames)
        let ignored = unchanged.except + undeclared
        for pointer in Set(undeclared).sorted() where before.value(at: pointer) != body.value(at: pointer) {
            warnings.append(Finding(message: "\(pointer): undeclared member changed (not part of the contract; ignored)", location: unchanged.location))
        }
        return JSONDiff.differences(before: before, after: body, ignoring: ignored).map { difference in
            Finding(message: "\(difference) (expected unchanged since snapshot '\(unchanged.snapshot)')", location: unchanged.location)
        }
    }

    func checkMembership(_ membership: Assertion.Membership, body: JSONValue, wanted: Bool) -> [Finding] {
        let label = membership.array.isRoot ? "(root)" : membership.array.description
        guard let elements = body.value(at: membership.array)?.arrayValue else {
            return [Finding(message: "\(label): expected an array, got \(body.value(at: membership.array)?.excerpt() ?? "nothing (absent)")", location: membership.location)]
        }
        let item: JSONValue
        do {
            item = try bindings.resolve(membership.item)
        } catch {
            return [Finding(message: "\(label): \(error.message)", location: membership.location)]
        }
        let matches = elements.indices.filter { JSONMatch.subset(expected: item, actual: elements[$0]).isEmpty }
        if wanted, matches.isEmpty {
            return [Finding(message: "\(label): no element matches \(item.excerpt()) (\(elements.count) elements)", location: membership.location)]
        }
        if !wanted, let first = matches.first {
            return [Finding(message: "\(label)/\(first): expected no element matching \(item.excerpt()), found \(elements[first].excerpt())", location: membership.location)]
        }
        return []
    }

    /// Pointers of object members whose names no contract type declares (annotations aside,
    /// which every comparison skips anyway).
    static func undeclaredPointers(in value: JSONValue, declared: Set<String>, at pointer: JSONPointer = .root) -> [JSONPointer] {
        switch value {
        case .object(let object):
            var found: [JSONPointer] = []
            for (key, member) in object where !key.contains("@") {
                let child = pointer.appending(key)
                if declared.contains(key) {
                    found += undeclaredPointers(in: member, declared: declared, at: child)
                } else {
                    found.append(child)
                }
            }
            return found
        case .array(let items):
            return items.indices.flatMap { undeclaredPointers(in: items[$0], declared: declared, at: pointer.appending($0)) }
        default:
            return []
        }
    }
}
