import CaseModel
import Foundation
import JSONShape
import Reporting

/// Comparing answers with the model: status, shape, content, server-managed members, lists.
extension SequenceRunner {
    func checkStatusAndShape(_ answer: ExploreClient.Answer, expected: ReferenceModel.Expected, step: ExploreStep, opIndex: Int, shape: String) -> Disagreement? {
        guard ReferenceModel.accepts(answer.status, expected, policies: target.policies) else {
            var actual = "\(answer.status)"
            if answer.retryAfterMissing { actual += " without Retry-After (reference §4.3)" }
            return Disagreement(kind: .status, opIndex: opIndex, step: step,
                                summary: "\(step.method) answered \(answer.status), the model expects \(expected.statusText)",
                                mismatches: [Mismatch(pointer: nil, expected: "status \(expected.statusText)", actual: actual, location: nil)],
                                checks: [])
        }
        let shapeName: String
        if answer.status >= 400 {
            shapeName = ContractModel.errorShape
        } else if answer.status == 200 || answer.status == 201 {
            shapeName = shape
            let type = answer.contentType?.lowercased() ?? ""
            guard type.hasPrefix("application/json") else {
                return Disagreement(kind: .header, opIndex: opIndex, step: step, summary: "a JSON body sent as \(answer.contentType ?? "no Content-Type")",
                                    mismatches: [Mismatch(pointer: nil, expected: "Content-Type application/json", actual: answer.contentType ?? "absent", location: nil)],
                                    checks: [.jsonContentType])
            }
        } else {
            return nil
        }
        let mismatches = contract.shapes.validate(answer.body ?? .string(answer.bodyText), against: shapeName).filter { $0.severity == .error }
        guard !mismatches.isEmpty else { return nil }
        return Disagreement(kind: .shape, opIndex: opIndex, step: step, summary: "the body does not match \(shapeName)",
                            mismatches: mismatches.map { Mismatch(pointer: $0.pointer.description, expected: $0.expected, actual: $0.actual, location: nil) },
                            checks: [shapeName == ContractModel.errorShape ? .errorShape : .shape(shapeName)])
    }

    /// A position's representation against the model: settable members, id, createdDateTime,
    /// lastModifiedDateTime (reference §5: expected to move on a write, never otherwise).
    func compare(_ returned: JSONValue, handle: String, kind: Disagreement.Kind, step: ExploreStep, opIndex: Int,
                 answer: ExploreClient.Answer, model: inout ReferenceModel) -> Disagreement? {
        guard var position = model.positions[handle] else { return nil }
        let actual = normalizer.entity(returned)
        if let matching = position.candidates.first(where: { JSONDiff.differences(before: $0, after: actual, ignoring: []).isEmpty }) {
            position.candidates = [matching]
        } else {
            let differences = JSONDiff.differences(before: position.candidates[0], after: actual, ignoring: [])
            return bodyDisagreement(kind, differences, expected: position.candidates[0], raw: position.raw, actual: actual, step: step, opIndex: opIndex)
        }
        if returned["id"]?.stringValue != position.id {
            return Disagreement(kind: kind, opIndex: opIndex, step: step, summary: "id changed",
                                mismatches: [Mismatch(pointer: "/id", expected: position.id, actual: returned["id"]?.excerpt(limit: 80) ?? "absent", location: nil)],
                                checks: [.at(pointer: "/id", value: "\"${\(handle)}\"")])
        }
        if let created = position.createdDateTime, let now = returned["createdDateTime"]?.stringValue,
            let left = DateTimeOffsetValue(created), let right = DateTimeOffsetValue(now), !left.equalsAtCoarserPrecision(right)
        {
            return Disagreement(kind: kind, opIndex: opIndex, step: step, summary: "createdDateTime changed",
                                mismatches: [Mismatch(pointer: "/createdDateTime", expected: created, actual: now, location: nil)],
                                checks: [.at(pointer: "/createdDateTime", value: "\"${\(handle)Created}\"")])
        }
        if let problem = checkStamp(returned, position: &position, step: step, opIndex: opIndex, answer: answer) { return problem }
        model.positions[handle] = position
        return nil
    }

    private func checkStamp(_ returned: JSONValue, position: inout ReferenceModel.Position, step: ExploreStep, opIndex: Int,
                            answer: ExploreClient.Answer) -> Disagreement? {
        guard let text = returned["lastModifiedDateTime"]?.stringValue, let stamp = DateTimeOffsetValue(text) else { return nil }
        defer {
            position.stamp = (stamp, answer.receivedAt, opIndex)
            position.writtenSince = nil
        }
        guard let previous = position.stamp else { return nil }
        let same = stamp.equalsAtCoarserPrecision(previous.value)
        func problem(_ summary: String, _ checks: [CaseCheck]) -> Disagreement {
            Disagreement(kind: .timestamp, opIndex: opIndex, step: step, summary: summary,
                         mismatches: [Mismatch(pointer: "/lastModifiedDateTime", expected: summary.hasPrefix("moved") ? "not earlier than \(previous.value.text)" : "later than \(previous.value.text)", actual: text, location: nil)],
                         checks: checks)
        }
        if !same, stamp < previous.value { return problem("moved backwards", []) }
        guard let written = position.writtenSince else {
            return same ? nil : problem("changed without a successful write", [])
        }
        // A stamp of d fractional digits can only show writes more than 10^-d s apart (the
        // catalogue's `wait: {precisionOf}` rule).
        let resolution = 1.1 * pow(10, -Double(previous.value.fractionDigits))
        if same, written.timeIntervalSince(previous.seenAt) > resolution {
            return problem("did not advance after a write", [.later(afterOp: previous.op)])
        }
        return nil
    }

    func bodyDisagreement(_ kind: Disagreement.Kind, _ differences: [JSONDifference], expected: JSONValue, raw: JSONValue, actual: JSONValue,
                          step: ExploreStep, opIndex: Int) -> Disagreement {
        var checks: [CaseCheck] = []
        for difference in differences {
            if let value = expected.value(at: difference.pointer), value != .null {
                checks.append(.at(pointer: difference.pointer.description, value: value.rendered()))
            } else if (raw.value(at: difference.pointer) ?? .null) == .null {
                checks.append(.isNull(pointer: difference.pointer.description))
            } else {
                // The model holds an object of nulls there; a conforming target may render it so,
                // so the case asserts null at each leaf the target filled.
                for leaf in Self.filledLeaves(actual.value(at: difference.pointer), at: difference.pointer) {
                    checks.append(.isNull(pointer: leaf.description))
                }
            }
        }
        let where_ = differences.prefix(3).map { $0.pointer.description }.joined(separator: ", ")
        return Disagreement(kind: kind, opIndex: opIndex, step: step, summary: "\(kind.rawValue) differs from the model at \(where_)",
                            mismatches: differences.map { Mismatch(pointer: $0.pointer.description, expected: $0.before, actual: $0.after, location: nil) },
                            checks: checks)
    }

    static func filledLeaves(_ value: JSONValue?, at pointer: JSONPointer) -> [JSONPointer] {
        guard case .object(let object)? = value else { return [pointer] }
        return object.flatMap { filledLeaves($0.value, at: pointer.appending($0.key)) }
    }

    /// Reference §9.1/§9.3: a list holds this user's live positions, none deleted, none of another user.
    func checkList(_ items: [JSONValue], step: ExploreStep, opIndex: Int, model: ReferenceModel) -> Disagreement? {
        let ids = items.compactMap { $0["id"]?.stringValue }
        let owner = model.ownerUserID(step)
        for (handle, position) in model.positions.sorted(by: { $0.key < $1.key }) {
            let shown = ids.filter { $0 == position.id }.count
            let wanted = position.exists && position.ownerUserID == owner ? 1 : 0
            guard shown != wanted else { continue }
            let what = wanted == 1 ? "once" : position.exists ? "not (another user's position)" : "not (deleted)"
            return Disagreement(kind: .list, opIndex: opIndex, step: step, summary: "the list shows \(handle) \(shown) time(s), the model expects \(what)",
                                mismatches: [Mismatch(pointer: "/value", expected: "\(handle) (\(position.id)) listed \(what)", actual: "listed \(shown) time(s)", location: nil)],
                                checks: [wanted == 1 ? .contains(handle: handle) : .notContains(handle: handle)])
        }
        // Each listed position as the model has it, compared as a GET of it is (reference §9.1).
        for (handle, position) in model.positions.sorted(by: { $0.key < $1.key }) where position.exists && position.ownerUserID == owner {
            guard let item = items.first(where: { $0["id"]?.stringValue == position.id }) else { continue }
            let actual = normalizer.entity(item)
            guard !position.candidates.contains(where: { JSONDiff.differences(before: $0, after: actual, ignoring: []).isEmpty }) else { continue }
            let expected = position.candidates[0]
            let differences = JSONDiff.differences(before: expected, after: actual, ignoring: [])
            var members = JSONValue.object(JSONObject([]))
            for difference in differences {
                if let value = expected.value(at: difference.pointer) {
                    members = Self.setting(value, at: difference.pointer.tokens[...], in: members)
                } else {
                    // The model holds nothing there (cleared): the target must show null at each leaf it filled.
                    for leaf in Self.filledLeaves(actual.value(at: difference.pointer), at: difference.pointer) {
                        members = Self.setting(.null, at: leaf.tokens[...], in: members)
                    }
                }
            }
            let where_ = differences.prefix(3).map { $0.pointer.description }.joined(separator: ", ")
            return Disagreement(kind: .list, opIndex: opIndex, step: step, summary: "the list shows \(handle) unlike the model at \(where_)",
                                mismatches: differences.map { Mismatch(pointer: "/value/{\(handle)}" + $0.pointer.description, expected: $0.before, actual: $0.after, location: nil) },
                                checks: members.objectValue?.isEmpty == false ? [.listEntry(handle: handle, members: members.rendered())] : [])
        }
        return nil
    }

    /// `value` placed at `tokens` inside `container` (objects made on the way).
    static func setting(_ value: JSONValue, at tokens: ArraySlice<String>, in container: JSONValue) -> JSONValue {
        guard let first = tokens.first else { return value }
        var object = container.objectValue ?? JSONObject([])
        object[first] = setting(value, at: tokens.dropFirst(), in: object[first] ?? .object(JSONObject([])))
        return .object(object)
    }
}
