/// "Unchanged except …": what differs between a resource before and after an operation.
public enum JSONDiff {
    /// Deep difference. Objects are compared member-wise (order irrelevant); arrays are compared
    /// whole, because OData collections have no member identity (any difference is reported once,
    /// at the array's pointer); annotation members (keys containing "@") are ignored;
    /// DateTimeOffset strings compare as instants at the coarser precision; every pointer in
    /// `ignoring`, and everything below it, is skipped. Absent and null are different values.
    /// Results follow `before`'s member order, then members only `after` has.
    public static func differences(before: JSONValue, after: JSONValue, ignoring: [JSONPointer]) -> [JSONDifference] {
        var differences: [JSONDifference] = []
        collect(before, after, at: .root, ignoring: ignoring, into: &differences)
        return differences
    }

    private static func collect(_ before: JSONValue?, _ after: JSONValue?, at pointer: JSONPointer, ignoring: [JSONPointer], into differences: inout [JSONDifference]) {
        if ignoring.contains(where: { pointer.hasPrefix($0) }) { return }
        switch (before, after) {
        case (.object(let old)?, .object(let new)?):
            var keys = old.keys.filter { !ShapeValidator.isAnnotation($0) }
            for key in new.keys where !ShapeValidator.isAnnotation(key) && old[key] == nil { keys.append(key) }
            var seen: Set<String> = []
            for key in keys where seen.insert(key).inserted {
                collect(old[key], new[key], at: pointer.appending(key), ignoring: ignoring, into: &differences)
            }
        case (.array?, .array?):
            var inner: [JSONDifference] = []
            collectElements(before, after, at: pointer, ignoring: ignoring, into: &inner)
            if !inner.isEmpty { differences.append(difference(at: pointer, before, after)) }
        case (let old?, let new?) where JSONMatch.scalarsMatch(old, new):
            return
        case (nil, nil):
            return
        default:
            differences.append(difference(at: pointer, before, after))
        }
    }

    /// Element-wise comparison used only to decide whether two arrays differ at all.
    private static func collectElements(_ before: JSONValue?, _ after: JSONValue?, at pointer: JSONPointer, ignoring: [JSONPointer], into differences: inout [JSONDifference]) {
        guard case .array(let old)? = before, case .array(let new)? = after else { return }
        if old.count != new.count {
            differences.append(difference(at: pointer, before, after))
            return
        }
        for (index, (oldElement, newElement)) in zip(old, new).enumerated() {
            collect(oldElement, newElement, at: pointer.appending(index), ignoring: ignoring, into: &differences)
        }
    }

    private static func difference(at pointer: JSONPointer, _ before: JSONValue?, _ after: JSONValue?) -> JSONDifference {
        JSONDifference(pointer: pointer, before: before?.diagnosticExcerpt ?? "absent", after: after?.diagnosticExcerpt ?? "absent")
    }
}
