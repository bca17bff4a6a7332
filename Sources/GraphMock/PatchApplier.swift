import JSONShape

/// Applies a validated PATCH body to a stored entity (reference §6).
///
/// Absent members keep their values; present primitives and collections replace; `null` clears;
/// complex values merge recursively under `.merge` and replace under `.replace` (§8.1). Pure, so
/// the store can run it inside one actor turn and concurrent PATCHes never interleave.
struct PatchApplier {
    var policy: MockConfiguration.ComplexPatch
    var defect: MockDefect?

    func apply(_ patch: JSONObject, to stored: JSONObject) -> JSONObject {
        var result = stored
        if defect == .patchReplacesEntity {
            for name in PositionSchema.settableNames where patch[name] == nil { result[name] = .null }
        }
        for (name, value) in patch {
            result[name] = merged(value, over: result[name])
        }
        return result
    }

    private func merged(_ value: JSONValue, over old: JSONValue?) -> JSONValue {
        switch value {
        case .null:
            return defect == .nullIgnored ? (old ?? .null) : .null
        case .array(let elements):
            if defect == .collectionAppended, case .array(let existing)? = old { return .array(existing + elements) }
            return value
        case .object(let patchObject):
            let mergeNested = policy == .merge && defect != .nestedMergeReplaces
            guard mergeNested, case .object(var target)? = old else { return value }
            for (name, member) in patchObject {
                target[name] = merged(member, over: target[name])
            }
            return .object(target)
        default:
            return value
        }
    }
}
