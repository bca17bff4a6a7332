import JSONShape

/// Brings a workPosition to the form the model compares: settable members only (server-managed
/// ones are checked separately), declared members of closed complex types only (a newer Graph may
/// add members, reference §3.6), and no difference between `null`, absent and an object whose
/// members are all null (Graph renders unset members as null; the docs do not promise either).
/// Flags enum values compare as sets.
struct Normalizer {
    var contract: ContractModel

    func entity(_ value: JSONValue) -> JSONValue {
        guard case .object(let object) = value else { return value }
        var result = JSONObject()
        for property in contract.settableProperties {
            if let member = object[property.name], let kept = normalized(member, property) { result[property.name] = kept }
        }
        return .object(result)
    }

    private func normalized(_ value: JSONValue, _ property: ContractProperty) -> JSONValue? {
        if value == .null { return nil }
        if property.isCollection, case .array(let items) = value {
            return .array(items.map { element($0, typeName: property.typeName) ?? .null })
        }
        return element(value, typeName: property.typeName)
    }

    private func element(_ value: JSONValue, typeName: String) -> JSONValue? {
        if value == .null { return nil }
        switch (contract.shapes.contractType(typeName), value) {
        case (.structured(let properties, let isOpen)?, .object(let object)):
            var result = JSONObject()
            for property in properties {
                if let member = object[property.name], let kept = normalized(member, property) { result[property.name] = kept }
            }
            if isOpen {
                for (name, member) in object where result[name] == nil && !name.contains("@") && member != .null { result[name] = member }
            }
            return result.isEmpty ? nil : .object(result)
        case (.enumeration(let members, true)?, .string(let text)):
            let parts = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: " ") })
            return .string(members.filter(parts.contains).joined(separator: ","))
        default:
            return value
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
