import JSONShape

/// What a successful PATCH does to the stored settable members (reference §6): absent members
/// keep their values, primitives and collections present in the body replace (collections whole),
/// `null` clears, nested complex values merge or replace per policy (§8.1).
enum PatchSemantics {
    enum Nested: Sendable { case merge, replace }

    static func modes(_ policy: ExplorePolicies.ComplexPatch) -> [Nested] {
        switch policy {
        case .merge: [.merge]
        case .replace: [.replace]
        case .either: [.merge, .replace]
        }
    }

    static func apply(_ body: JSONObject, to state: JSONValue, nested: Nested) -> JSONValue {
        var result = state.objectValue ?? JSONObject()
        for (name, value) in body where ContractModel.settable.contains(name) {
            result[name] = merged(value, over: result[name], nested: nested)
        }
        return .object(result)
    }

    private static func merged(_ value: JSONValue, over old: JSONValue?, nested: Nested) -> JSONValue {
        guard case .object(let patch) = value, nested == .merge, case .object(var target)? = old else { return value }
        for (name, member) in patch { target[name] = merged(member, over: target[name], nested: nested) }
        return .object(target)
    }
}
