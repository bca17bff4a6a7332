import JSONShape

/// Turns a stored entity into its response representation.
///
/// Every declared workPosition/itemFacet member is present, `null` where unset, and declared
/// members of nested complex values are filled in the same way (Graph serialises all of them,
/// reference §3.6). Open types (`identitySet`) are rendered as stored. Representation defects
/// (`missing-id`, `wrong-json-type`, `date-rendered-as-datetime`) are applied here and only here.
struct PositionRenderer {
    var defect: MockDefect?

    func render(_ stored: JSONObject, context: String?, select: [String]? = nil) -> JSONValue {
        var object = JSONObject()
        if let context { object["@odata.context"] = .string(context) }
        let chosen = defect == .selectIgnored ? nil : select.map(Set.init)
        for property in PositionSchema.workPosition.properties {
            if let chosen, !chosen.contains(property.name) { continue }
            if property.name == "id", defect == .missingID { continue }
            var value = fill(stored[property.name] ?? .null, as: property.type)
            if property.name == "isCurrent", defect == .wrongJSONType, case .bool(let flag) = value {
                value = .string(flag ? "true" : "false")
            }
            object[property.name] = value
        }
        return .object(object)
    }

    private func fill(_ value: JSONValue, as type: EdmType) -> JSONValue {
        switch (type, value) {
        case (.complex(let complex), .object(let object)) where !complex.isOpen:
            var filled = JSONObject()
            for property in complex.properties {
                filled[property.name] = fill(object[property.name] ?? .null, as: property.type)
            }
            return .object(filled)
        case (.collection(let element), .array(let elements)):
            return .array(elements.map { fill($0, as: element) })
        case (.date, .string(let text)) where defect == .dateRenderedAsDateTime:
            return .string(EdmDate.asDateTime(text))
        default:
            return value
        }
    }
}
