import JSONShape

/// Checks a create or update body against `PositionSchema` and returns what may be stored.
///
/// The result holds only values the operation may write, normalised (flags enums trimmed) and with
/// instance annotations (`@odata.type`, `prop@odata.type`) dropped. Server-managed members are
/// ignored without being checked, as OData asks (reference §6, §8.4). Validation is pure, so it
/// runs before the store is touched and a rejected body changes nothing.
struct BodyValidator {
    enum Operation: Sendable { case create, update }

    var operation: Operation
    var defect: MockDefect?
    /// `read-only-rejected` turns "ignore" into 400 for server-managed (and, on update, create-only) members.
    var rejectReadOnly = false

    /// Members a PATCH may overwrite under the `read-only-writable` defect.
    static let defectWritableReadOnly: Set<String> = ["id", "createdDateTime", "createdBy"]

    func validate(_ body: JSONObject) throws(GraphError) -> JSONObject {
        var accepted = JSONObject()
        let entity = PositionSchema.workPosition
        if defect == .rejectsODataTypeAnnotation, body["@odata.type"] != nil {
            throw .unknownProperty("@odata.type", at: JSONPointer.root.appending("@odata.type"), on: entity)
        }
        for (name, value) in body where !name.contains("@") {
            guard let property = entity.property(named: name) else {
                if defect == .unknownPropertyAccepted { continue }
                throw .unknownProperty(name, at: JSONPointer.root.appending(name), on: entity)
            }
            switch property.access {
            case .serverManaged where rejectReadOnly, .createOnly where operation == .update && rejectReadOnly:
                throw .readOnlyProperty(name)
            case .serverManaged:
                if operation == .update, defect == .readOnlyWritable, Self.defectWritableReadOnly.contains(name) {
                    accepted[name] = value
                }
                continue
            case .createOnly where operation == .update:
                continue
            case .createOnly, .settable:
                accepted[name] = try check(value, as: property.type, at: JSONPointer.root.appending(name))
            }
        }
        return accepted
    }

    private func check(_ value: JSONValue, as type: EdmType, at pointer: JSONPointer) throws(GraphError) -> JSONValue {
        if value == .null { return .null }
        switch (type, value) {
        case (.string, .string(let text)) where defect == .astralStringsTruncated:
            return .string(String(String.UnicodeScalarView(text.unicodeScalars.prefix { $0.value <= 0xFFFF })))
        case (.double, .number(let number)) where defect == .doublesAsFloat:
            return .number(JSONNumber(Double(Float(number.double))))
        case (.date, .string(let text)) where defect == .preEpochDatesShifted && EdmDate.isValid(text) && text < "1970-01-01":
            return .string(EdmDate.nextDay(text))
        case (.string, .string), (.dateTimeOffset, .string), (.boolean, .bool):
            return value
        case (.boolean, .string) where defect == .wrongTypeAccepted:
            return value
        case (.int32, .number(let number)):
            guard let integer = number.int64, Int64(Int32.min)...Int64(Int32.max) ~= integer else {
                throw .typeMismatch(at: pointer, expected: type, got: value)
            }
            return value
        case (.double, .number):
            return value
        case (.double, .string(let text)) where ["NaN", "INF", "-INF"].contains(text):
            return value  // OData JSON spells IEEE special values as strings
        case (.date, .string(let text)):
            guard defect == .badDateAccepted || EdmDate.isValid(text) else { throw .invalidDate(text, at: pointer) }
            return value
        case (.enumeration(let enumType), .string(let text)):
            return .string(try checkEnum(text, of: enumType, at: pointer))
        case (.complex(let complexType), .object(let object)):
            return .object(try checkObject(object, of: complexType, at: pointer))
        case (.collection(let element), .array(let elements)):
            var checked: [JSONValue] = []
            for (index, item) in elements.enumerated() {
                let itemPointer = pointer.appending(index)
                guard item != .null else { throw .typeMismatch(at: itemPointer, expected: element, got: item) }
                checked.append(try check(item, as: element, at: itemPointer))
            }
            return .array(checked)
        default:
            throw .typeMismatch(at: pointer, expected: type, got: value)
        }
    }

    private func checkObject(_ object: JSONObject, of type: ComplexType, at pointer: JSONPointer) throws(GraphError) -> JSONObject {
        var checked = JSONObject()
        for (name, value) in object where !name.contains("@") {
            guard let property = type.property(named: name) else {
                if type.isOpen {
                    checked[name] = value
                } else if defect != .unknownPropertyAccepted {
                    throw .unknownProperty(name, at: pointer.appending(name), on: type)
                }
                continue
            }
            checked[name] = try check(value, as: property.type, at: pointer.appending(name))
        }
        return checked
    }

    /// Exact-case members; a flags enum takes one member or several joined by commas (OData ABNF
    /// `enumValue`), stored trimmed and re-joined without spaces.
    private func checkEnum(_ text: String, of type: EnumType, at pointer: JSONPointer) throws(GraphError) -> String {
        if defect == .invalidEnumAccepted { return text }
        let parts = type.isFlags
            ? text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            : [text]
        for part in parts {
            if type.members.contains(part) {
                if defect == .validEnumRejected, type.name == PositionSchema.allowedAudiences.name,
                    part == "federatedOrganizations"
                {
                    throw .invalidEnum(text, at: pointer, of: type)
                }
                continue
            }
            if defect == .enumCaseInsensitive, type.members.contains(where: { $0.lowercased() == part.lowercased() }) {
                continue
            }
            throw .invalidEnum(text, at: pointer, of: type)
        }
        return type.isFlags ? parts.joined(separator: ",") : text
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension GraphError {
    static func unknownProperty(_ name: String, at pointer: JSONPointer, on type: ComplexType) -> GraphError {
        .invalidRequest(
            "The property '\(name)' (at '\(pointer)') does not exist on type '\(type.name)'. "
                + "Make sure to only use property names that are defined by the type.")
    }

    static func typeMismatch(at pointer: JSONPointer, expected: EdmType, got value: JSONValue) -> GraphError {
        .invalidRequest(
            "Invalid value for property '\(pointer)': expected \(expected.name), got \(value.typeName) \(value.excerpt(limit: 40)).")
    }

    static func invalidDate(_ text: String, at pointer: JSONPointer) -> GraphError {
        .invalidRequest("Invalid value for property '\(pointer)': '\(text)' is not a valid Edm.Date (YYYY-MM-DD).")
    }

    static func invalidEnum(_ text: String, at pointer: JSONPointer, of type: EnumType) -> GraphError {
        .invalidRequest("Invalid value for property '\(pointer)': '\(text)' is not a member of enum type '\(type.name)'.")
    }
}
