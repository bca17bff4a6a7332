import CaseModel
import Foundation
import JSONShape

/// `listEntry`: the list shows an item exactly as a GET of that item showed it.
///
/// The comparison is `unchanged`'s: annotations and members the contract does not declare are
/// outside it (a warning when they differ), timestamps compare as instants at the coarser
/// precision, arrays whole, and the `except` pointers (e.g. `server-managed`) are skipped.
/// Differences are reported at their pointer inside the list (`/value/3/detail/jobTitle`).
extension ExpectationChecker {
    func checkListEntry(_ entry: Expectation.ListEntry, body: JSONValue, warnings: inout [Finding]) -> [Finding] {
        let label = entry.array.isRoot ? "(root)" : entry.array.description
        guard let elements = body.value(at: entry.array)?.arrayValue else {
            return [Finding(message: "\(label): expected an array, got \(body.value(at: entry.array)?.excerpt() ?? "nothing (absent)")", location: entry.location)]
        }
        let id: JSONValue
        do {
            id = try bindings.resolve(entry.id)
        } catch {
            return [Finding(message: "\(label): \(error.message)", location: entry.location)]
        }
        guard let snapshot = snapshots[entry.snapshot] else {
            return [Finding(message: "no snapshot named '\(entry.snapshot)' was taken (an earlier step failed?)", location: entry.location)]
        }
        let matching = elements.indices.filter { elements[$0]["id"] == id }
        guard let index = matching.first else {
            return [Finding(message: "\(label): no element with id \(id.excerpt()) (\(elements.count) elements)", location: entry.location)]
        }
        if matching.count > 1 {
            return [Finding(message: "\(label): \(matching.count) elements with id \(id.excerpt()) (at \(matching.map(String.init).joined(separator: ", "))); ids are keys", location: entry.location)]
        }
        let element = elements[index]
        let at = entry.array.appending(index)
        let undeclared = Self.undeclaredPointers(in: snapshot, declared: declaredNames)
            + Self.undeclaredPointers(in: element, declared: declaredNames)
        for pointer in Set(undeclared).sorted() where snapshot.value(at: pointer) != element.value(at: pointer) {
            warnings.append(Finding(message: "\(JSONPointer(tokens: at.tokens + pointer.tokens)): undeclared member differs from '\(entry.snapshot)' (not part of the contract; ignored)", location: entry.location))
        }
        return JSONDiff.differences(before: snapshot, after: element, ignoring: entry.except + undeclared).map { difference in
            Finding(message: "\(JSONPointer(tokens: at.tokens + difference.pointer.tokens)): '\(entry.snapshot)' has \(difference.before), the list has \(difference.after)", location: entry.location)
        }
    }
}
