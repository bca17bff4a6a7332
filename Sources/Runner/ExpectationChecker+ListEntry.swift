import CaseModel
import Foundation
import JSONShape
import Reporting

/// `listEntry`: the list shows an item exactly as a GET of that item showed it.
///
/// The comparison is `unchanged`'s: annotations and members the contract does not declare are
/// outside it (a warning when they differ), timestamps compare as instants at the coarser
/// precision, arrays whole, and the `except` pointers (e.g. `server-managed`) are skipped.
/// Differences are reported at their pointer inside the list (`/value/3/detail/jobTitle`).
extension ExpectationChecker {
    func checkListEntry(_ entry: Assertion.ListEntry, body: JSONValue, warnings: inout [Mismatch]) -> [Mismatch] {
        guard let elements = body.value(at: entry.array)?.arrayValue else {
            return [Mismatch(at: entry.array, expected: "an array", actual: body.value(at: entry.array)?.excerpt() ?? "nothing (absent)", location: entry.location)]
        }
        let id: JSONValue
        do {
            id = try bindings.resolve(entry.id)
        } catch {
            return [Mismatch(at: entry.array, expected: "an id to look for", actual: error.message, location: entry.location)]
        }
        guard let snapshot = snapshots[entry.snapshot] else {
            return [Mismatch("listEntry", expected: "a snapshot named '\(entry.snapshot)'", actual: "none was taken (an earlier step failed?)", location: entry.location)]
        }
        let matching = elements.indices.filter { elements[$0]["id"] == id }
        guard let index = matching.first else {
            return [Mismatch(at: entry.array, expected: "an element with id \(id.excerpt())", actual: "none of \(elements.count) elements", location: entry.location)]
        }
        if matching.count > 1 {
            return [Mismatch(at: entry.array, expected: "one element with id \(id.excerpt()) (ids are keys)",
                             actual: "\(matching.count), at \(matching.map(String.init).joined(separator: ", "))", location: entry.location)]
        }
        let element = elements[index]
        let at = entry.array.appending(index)
        let undeclared = Self.undeclaredPointers(in: snapshot, declared: declaredNames)
            + Self.undeclaredPointers(in: element, declared: declaredNames)
        for pointer in Set(undeclared).sorted() where snapshot.value(at: pointer) != element.value(at: pointer) {
            warnings.append(Mismatch(at: JSONPointer(tokens: at.tokens + pointer.tokens),
                                     expected: "\(snapshot.value(at: pointer)?.excerpt() ?? "absent") as in '\(entry.snapshot)' (undeclared member: not part of the contract; ignored)",
                                     actual: element.value(at: pointer)?.excerpt() ?? "absent", location: entry.location))
        }
        let differences = JSONDiff.differences(before: snapshot, after: element, ignoring: entry.except + undeclared)
        guard !differences.isEmpty else { return [] }
        // Rendered only for a failure: both documents pretty-printed on every passing check was a
        // tenth of the checker's time.
        let comparison = Mismatch.Comparison(snapshot: snapshot.rendered(pretty: true), current: element.rendered(pretty: true))
        return differences.enumerated().map { index, difference in
            Mismatch(at: JSONPointer(tokens: at.tokens + difference.pointer.tokens), expected: "\(difference.before) (as in snapshot '\(entry.snapshot)')",
                     actual: "\(difference.after) in the list", location: entry.location, comparison: index == 0 ? comparison : nil)
        }
    }
}
