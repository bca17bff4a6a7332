/// Reads a case-level shape spec (arrived as a `JSONValue`, usually from YAML) into an
/// `InlineShape`, rejecting anything it does not understand.
///
/// Keys: `type` (a kind or a list of kinds), `ref`, `properties`, `required`, `open`, `items`,
/// `enum`, `format`, `nullable`, `minItems`, `maxItems`, `description` (ignored). An unknown key is
/// an error (with "did you mean"), because a typo such as `requried` would otherwise silently
/// weaken the contract. `ref` may only be combined with `nullable` and `description`, since
/// mixing it with object rules would double-report members.
struct InlineShapeParser {
    static let keys = [
        "type", "ref", "properties", "required", "open", "items", "enum", "format", "nullable", "minItems",
        "maxItems", "description",
    ]

    let shapeName: String
    let fallbackLocation: SourceLocation?
    /// Maps a pointer into the spec to its source position, when the caller knows it.
    let locate: (JSONPointer) -> SourceLocation?

    func parse(_ spec: JSONValue, at pointer: JSONPointer = .root) throws(ShapeError) -> InlineShape {
        let location = locate(pointer) ?? fallbackLocation
        guard case .object(let object) = spec else {
            throw failure("a shape spec must be a mapping, got \(spec.typeName)", at: pointer, location)
        }
        for key in object.keys where !Self.keys.contains(key) {
            var message = "unknown key '\(key)' in shape spec"
            if let suggestion = Suggestion.closest(to: key, in: Self.keys) { message += " (did you mean '\(suggestion)'?)" }
            throw failure(message, at: pointer.appending(key), locate(pointer.appending(key)) ?? location)
        }
        let reference = try string("ref", in: object, at: pointer, location)
        if reference != nil, let extra = object.keys.first(where: { !["ref", "nullable", "description"].contains($0) }) {
            throw failure("'ref' cannot be combined with '\(extra)'", at: pointer.appending(extra), location)
        }
        var properties: [InlineShape.Property] = []
        if let value = object["properties"] {
            guard case .object(let members) = value else {
                throw failure("'properties' must be a mapping of member name to shape", at: pointer.appending("properties"), location)
            }
            for (name, memberSpec) in members {
                properties.append(.init(name: name, shape: try parse(memberSpec, at: pointer.appending("properties").appending(name))))
            }
        }
        return InlineShape(
            kinds: try kinds(object["type"], at: pointer.appending("type"), location),
            reference: reference,
            properties: properties,
            required: try stringList("required", in: object, at: pointer, location) ?? [],
            isOpen: try bool("open", in: object, at: pointer, location) ?? false,
            items: try object["items"].map { items throws(ShapeError) in try parse(items, at: pointer.appending("items")) },
            allowedValues: try list("enum", in: object, at: pointer, location),
            format: try format(object["format"], at: pointer.appending("format"), location),
            nullable: try bool("nullable", in: object, at: pointer, location) ?? false,
            minItems: try count("minItems", in: object, at: pointer, location),
            maxItems: try count("maxItems", in: object, at: pointer, location),
            location: location)
    }

    private func kinds(_ value: JSONValue?, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> [InlineShape.Kind]? {
        guard let value else { return nil }
        let names: [JSONValue] = value.arrayValue ?? [value]
        var kinds: [InlineShape.Kind] = []
        for name in names {
            guard let text = name.stringValue, let kind = InlineShape.Kind(rawValue: text) else {
                let all = InlineShape.Kind.allCases.map(\.rawValue)
                var message = "'type' must be one of \(all.joined(separator: ", ")), got \(name.excerpt(limit: 40))"
                if let text = name.stringValue, let suggestion = Suggestion.closest(to: text, in: all) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                throw failure(message, at: pointer, location)
            }
            kinds.append(kind)
        }
        guard !kinds.isEmpty else { throw failure("'type' must not be an empty list", at: pointer, location) }
        return kinds
    }

    private func format(_ value: JSONValue?, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> InlineShape.Format? {
        guard let value else { return nil }
        guard let text = value.stringValue, let format = InlineShape.Format(rawValue: text) else {
            let all = InlineShape.Format.allCases.map(\.rawValue)
            throw failure("'format' must be one of \(all.joined(separator: ", ")), got \(value.excerpt(limit: 40))", at: pointer, location)
        }
        return format
    }

    private func string(_ key: String, in object: JSONObject, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> String? {
        guard let value = object[key] else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            throw failure("'\(key)' must be a non-empty string", at: pointer.appending(key), location)
        }
        return text
    }

    private func bool(_ key: String, in object: JSONObject, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.boolValue else { throw failure("'\(key)' must be true or false", at: pointer.appending(key), location) }
        return flag
    }

    private func list(_ key: String, in object: JSONObject, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> [JSONValue]? {
        guard let value = object[key] else { return nil }
        guard let elements = value.arrayValue else { throw failure("'\(key)' must be a list", at: pointer.appending(key), location) }
        return elements
    }

    private func stringList(_ key: String, in object: JSONObject, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> [String]? {
        guard let elements = try list(key, in: object, at: pointer, location) else { return nil }
        var names: [String] = []
        for element in elements {
            guard let name = element.stringValue else {
                throw failure("'\(key)' must be a list of member names", at: pointer.appending(key), location)
            }
            names.append(name)
        }
        return names
    }

    private func count(_ key: String, in object: JSONObject, at pointer: JSONPointer, _ location: SourceLocation?) throws(ShapeError) -> Int? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue?.int64, number >= 0, let count = Int(exactly: number) else {
            throw failure("'\(key)' must be a non-negative integer", at: pointer.appending(key), location)
        }
        return count
    }

    private func failure(_ message: String, at pointer: JSONPointer, _ location: SourceLocation?) -> ShapeError {
        ShapeError(message: "shape '\(shapeName)' at \(pointer.displayText): \(message)", location: location)
    }
}
