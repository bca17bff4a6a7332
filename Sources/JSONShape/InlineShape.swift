/// A case-level shape written in the suite's small spec language (see `InlineShapeParser`).
///
/// A class only so the recursive `items`/`properties` need no boxing; every member is a `let`
/// of a Sendable value type, so sharing instances across threads is safe.
final class InlineShape: Sendable {
    /// JSON kinds accepted by `type`.
    enum Kind: String, Sendable, CaseIterable {
        case object, array, string, number, integer, boolean, null, any

        func matches(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.any, _), (.object, .object), (.array, .array), (.string, .string), (.boolean, .bool),
                (.null, .null), (.number, .number):
                true
            case (.integer, .number(let number)): number.isInteger
            default: false
            }
        }
    }

    /// Values of `format`, each checked like the Edm primitive it names.
    enum Format: String, Sendable, CaseIterable {
        case date, dateTime = "date-time", guid, int32

        var primitive: EdmPrimitive {
            switch self {
            case .date: .date
            case .dateTime: .dateTimeOffset
            case .guid: .guid
            case .int32: .int32
            }
        }

        /// Formats constrain only the JSON kind they are about; the `type` key covers the rest.
        func applies(to value: JSONValue) -> Bool {
            switch (self, value) {
            case (.int32, .number), (.date, .string), (.dateTime, .string), (.guid, .string): true
            default: false
            }
        }
    }

    struct Property: Sendable {
        var name: String
        var shape: InlineShape
    }

    let kinds: [Kind]?
    let reference: String?
    let properties: [Property]
    let required: [String]
    let isOpen: Bool
    let items: InlineShape?
    let allowedValues: [JSONValue]?
    let format: Format?
    let nullable: Bool
    let minItems: Int?
    let maxItems: Int?
    let location: SourceLocation?

    init(
        kinds: [Kind]?, reference: String?, properties: [Property], required: [String], isOpen: Bool,
        items: InlineShape?, allowedValues: [JSONValue]?, format: Format?, nullable: Bool,
        minItems: Int?, maxItems: Int?, location: SourceLocation?
    ) {
        self.kinds = kinds
        self.reference = reference
        self.properties = properties
        self.required = required
        self.isOpen = isOpen
        self.items = items
        self.allowedValues = allowedValues
        self.format = format
        self.nullable = nullable
        self.minItems = minItems
        self.maxItems = maxItems
        self.location = location
    }

    /// Whether object rules (declared members, `required`, extra members) apply.
    var describesObject: Bool {
        kinds?.contains(.object) == true || !properties.isEmpty || !required.isEmpty
    }

    /// What a diagnostic says is expected here.
    var expectation: String {
        if let reference { return reference }
        var parts: [String] = []
        if let kinds { parts.append(kinds.map(\.rawValue).joined(separator: " or ")) }
        if let format { parts.append(format.primitive.expectation) }
        if let allowedValues { parts.append("one of " + allowedValues.map { $0.excerpt(limit: 30) }.joined(separator: ", ")) }
        return parts.isEmpty ? "any value" : parts.joined(separator: ", ")
    }

    func property(named name: String) -> InlineShape? {
        properties.first(where: { $0.name == name })?.shape
    }

    /// Every `ref` in this shape and below, for lint.
    var allReferences: [(reference: String, location: SourceLocation?)] {
        var result: [(reference: String, location: SourceLocation?)] = []
        if let reference { result.append((reference, location)) }
        for property in properties { result += property.shape.allReferences }
        if let items { result += items.allReferences }
        return result
    }
}

extension InlineShape {
    /// Member names declared anywhere in this shape, its items and nested properties.
    var allPropertyNames: Set<String> {
        var names = Set(properties.map(\.name))
        for property in properties { names.formUnion(property.shape.allPropertyNames) }
        if let items { names.formUnion(items.allPropertyNames) }
        return names
    }
}
