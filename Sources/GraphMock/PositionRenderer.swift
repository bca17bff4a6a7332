import JSONShape

/// Turns a stored entity into its response representation.
///
/// Every declared workPosition/itemFacet member is present, `null` where unset, and declared
/// members of nested complex values are filled in the same way (Graph serialises all of them,
/// reference §3.6). Open types (`identitySet`) are rendered as stored. Representation defects
/// (`missing-id`, `wrong-json-type`, `date-rendered-as-datetime`) are applied here and only here,
/// as are the representation variants (`extra-properties`, `odata-annotations`, timestamp styles).
struct PositionRenderer {
    var defect: MockDefect?
    var variants: Set<MockVariant> = []

    func render(_ stored: JSONObject, context: String?, select: [String]? = nil) -> JSONValue {
        var object = JSONObject()
        if let context, !variants.contains(.noODataContext) { object["@odata.context"] = .string(context) }
        let revision = Int(stored[PositionStore.revisionKey]?.numberValue?.int64 ?? 1)
        if variants.contains(.odataAnnotations) {
            object["@odata.type"] = "#microsoft.graph.workPosition"
            object["@odata.etag"] = .string("W/\"\(revision)\"")
        }
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
        if variants.contains(.extraProperties), chosen == nil { addExtras(to: &object, revision: revision) }
        return .object(object)
    }

    /// Members a newer Graph might add: the Prod-only `isSearchable`/`sources` filled in, undeclared
    /// members at the top, in `detail` and in `detail.company`, and `revision`, which the server
    /// recalculates on every PATCH (reference §5: omitted properties may be recalculated).
    private func addExtras(to object: inout JSONObject, revision: Int) {
        if object["isSearchable"] == .null { object["isSearchable"] = true }
        if object["sources"] == .null { object["sources"] = [] }
        object["futureFacetScore"] = 0.5
        object["revision"] = .int(revision)
        for name in ["createdBy", "lastModifiedBy"] {
            guard case .object(var identities)? = object[name] else { continue }
            if identities["device"] == nil { identities["device"] = .null }
            if case .object(var user)? = identities["user"] {
                user["userIdentityType"] = "aadUser"
                identities["user"] = .object(user)
            }
            object[name] = .object(identities)
        }
        if case .object(var detail)? = object["detail"] {
            detail["futureDetail"] = "x"
            if case .object(var company)? = detail["company"] {
                company["futureCompanyTier"] = ["tier": "gold", "since": 2001]
                detail["company"] = .object(company)
            }
            object["detail"] = .object(detail)
        }
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
        case (.dateTimeOffset, .string(let text)):
            return .string(variants.timestampStyle.render(text))
        default:
            return value
        }
    }
}
