/// Walks one value against the registry's definitions and collects every mismatch.
///
/// Mismatches come out in document order of the value: an object's members are visited in the
/// order the server wrote them, and missing required members of that object follow them in
/// declaration order. Pure: no state outlives one `validate` call.
///
/// Where it stands is kept as a stack of pointer tokens, pushed and popped on the way down: a
/// `JSONPointer` is built only for a mismatch, not for each of the thousands of values that conform.
struct ShapeValidator {
    let definitions: [String: ShapeDefinition]
    /// Structured types with their inheritance resolved, by registered name (see `FlatStructure`).
    let flattened: [String: FlatStructure]
    let policy: ShapePolicy
    private(set) var mismatches: [ShapeMismatch] = []
    /// Tokens of the value being checked, from the root.
    private var trail: [String] = []

    init(definitions: [String: ShapeDefinition], flattened: [String: FlatStructure] = [:], policy: ShapePolicy) {
        self.definitions = definitions
        self.flattened = flattened
        self.policy = policy
    }

    /// Checks a value at the root against a shape by name.
    mutating func checkRoot(_ value: JSONValue, name: String) {
        trail.removeAll(keepingCapacity: true)
        checkNamed(value, name: name, declaredAt: nil, via: [])
    }

    private var pointer: JSONPointer { JSONPointer(tokens: trail) }

    /// Runs `body` with `token` pushed onto the trail.
    private mutating func inside(_ token: String, _ body: (inout ShapeValidator) -> Void) {
        trail.append(token)
        body(&self)
        trail.removeLast()
    }

    /// Checks a value against a CSDL type reference (nullability and collection included);
    /// `asElement`: the value is one element of the collection `type` names.
    private mutating func check(_ value: JSONValue, type: TypeReference, declaredAt location: SourceLocation?, asElement: Bool = false) {
        let isCollection = type.isCollection && !asElement
        if case .null = value {
            // OData never writes a null collection, but Graph-generated payloads are seen to; a
            // nullable collection property tolerates it, as the element type's Nullable allows.
            if !type.nullable { report(expected: "\(isCollection ? type.displayName : type.name) (non-nullable)", value, location) }
            return
        }
        guard isCollection else {
            checkNamed(value, name: type.name, primitive: type.primitive, declaredAt: location, via: [])
            return
        }
        guard case .array(let elements) = value else {
            report(expected: "\(type.displayName) (array)", value, location)
            return
        }
        for (index, element) in elements.enumerated() {
            inside(String(index)) { $0.check(element, type: type, declaredAt: location, asElement: true) }
        }
    }

    /// Checks a value against a shape by name. `via` holds the names already followed at this
    /// pointer, so a ref cycle (`a: {ref: b}`, `b: {ref: a}`) is reported instead of looping.
    /// `primitive` is the name's Edm primitive when the caller already resolved it (type references do).
    private mutating func checkNamed(_ value: JSONValue, name: String, primitive known: EdmPrimitive?? = nil,
                                     declaredAt location: SourceLocation?, via: [String]) {
        if let primitive = known ?? EdmPrimitive(rawValue: name) {
            if !primitive.accepts(value) {
                report(expected: primitive.expectation, value, location, hint: primitive.hint(for: value))
            }
            return
        }
        guard !via.contains(name) else {
            report(expected: "a value for \(name)", value, location, hint: "circular reference " + (via + [name]).joined(separator: " → "))
            return
        }
        // Registered structured types are looked up flattened: one hash and one retain, where the
        // definition itself would be copied out of the enum member by member.
        if let flat = flattened[name] {
            checkStructured(value, flat)
            return
        }
        switch definitions[name] {
        case .structured(let definition)?:
            checkStructured(value, FlatStructure(definition, in: definitions))
        case .enumeration(let definition)?: checkEnum(value, definition, declaredAt: location)
        case .inline(let shape)?: checkInline(value, shape, via: via + [name])
        case nil:
            var hint = "shape '\(name)' is not defined"
            if let suggestion = Suggestion.closest(to: name, in: Array(definitions.keys).sorted()) { hint += "; did you mean '\(suggestion)'?" }
            report(expected: "a value of shape \(name)", value, location, hint: hint)
        }
    }

    private mutating func checkStructured(_ value: JSONValue, _ flat: FlatStructure) {
        let definition = flat.definition
        guard case .object(let object) = value else {
            report(expected: "\(definition.name) (object)", value, definition.location)
            return
        }
        let declared = flat.declared, isOpen = flat.isOpen
        for (key, member) in object where !Self.isAnnotation(key) {
            if let property = declared[key] {
                inside(key) { $0.check(member, type: property.type, declaredAt: property.location) }
            } else if !isOpen {
                reportExtra(key, member, owner: definition.name, definition.location)
            }
        }
        guard definition.kind == .entity, let keyed = flat.keyed else { return }
        for key in keyed.keys where object[key] == nil {
            let expected = declared[key].map { EdmPrimitive(rawValue: $0.type.name)?.expectation ?? $0.type.displayName } ?? "a value"
            inside(key) { $0.report(expected: "\(expected) (entity key, required)", actual: "absent", keyed.keyLocation ?? keyed.location) }
        }
    }

    private mutating func checkEnum(_ value: JSONValue, _ definition: EnumTypeDefinition, declaredAt location: SourceLocation?) {
        var names: [String] { definition.memberNames }
        // Built only for a mismatch: a conforming value (nearly every one) needs no message.
        var expected: String {
            definition.isFlags
                ? "\(definition.name) (member names joined by ',': \(names.joined(separator: ", ")))"
                : "\(definition.name) (one of \(names.joined(separator: ", ")))"
        }
        guard case .string(let text) = value else {
            report(expected: expected, value, location, hint: value.numberValue != nil ? "enum values travel as member-name strings" : nil)
            return
        }
        if !definition.isFlags {
            guard !definition.members.contains(where: { $0.name == text }) else { return }
            report(expected: expected, value, location, hint: Self.enumHint(text, whole: text, names: names))
            return
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let known = names
        guard let bad = parts.first(where: { !known.contains($0) }) else { return }
        report(expected: expected, value, location, hint: Self.enumHint(bad, whole: text, names: names))
    }

    private static func enumHint(_ part: String, whole: String, names: [String]) -> String {
        if whole.isEmpty { return "empty string is not a member" }
        if part.isEmpty { return "empty member between commas" }
        if part != whole && part.trimmingSpaces != part && names.contains(part.trimmingSpaces) { return "no spaces around ','" }
        if Int(part) != nil { return "numeric values are not accepted; use member names" }
        if let suggestion = Suggestion.closest(to: part, in: names) { return "did you mean '\(suggestion)'?" }
        return "'\(part)' is not a member"
    }

    private mutating func checkInline(_ value: JSONValue, _ shape: InlineShape, via: [String]) {
        if value == .null, shape.nullable || shape.kinds?.contains(.null) == true || shape.kinds?.contains(.any) == true { return }
        if let reference = shape.reference {
            guard value != .null else {
                report(expected: "\(reference) (non-nullable)", value, shape.location)
                return
            }
            checkNamed(value, name: reference, declaredAt: shape.location, via: via)
            return
        }
        if let kinds = shape.kinds, !kinds.contains(where: { $0.matches(value) }) {
            report(expected: shape.expectation, value, shape.location)
            return
        }
        if let allowed = shape.allowedValues, !allowed.contains(value) {
            report(expected: shape.expectation, value, shape.location)
            return
        }
        if let format = shape.format, format.applies(to: value), !format.primitive.accepts(value) {
            report(expected: shape.expectation, value, shape.location, hint: format.primitive.hint(for: value))
        }
        switch value {
        case .object(let object) where shape.describesObject:
            for (key, member) in object where !Self.isAnnotation(key) {
                if let propertyShape = shape.property(named: key) {
                    inside(key) { $0.checkInline(member, propertyShape, via: []) }
                } else if !shape.isOpen {
                    reportExtra(key, member, owner: "this shape", shape.location)
                }
            }
            for name in shape.required where object[name] == nil {
                let expected = shape.property(named: name)?.expectation ?? "a value"
                inside(name) { $0.report(expected: "\(expected) (required)", actual: "absent", shape.property(named: name)?.location ?? shape.location) }
            }
        case .array(let elements):
            if let minimum = shape.minItems, elements.count < minimum {
                report(expected: "at least \(minimum) items", actual: "\(elements.count) items", shape.location)
            }
            if let maximum = shape.maxItems, elements.count > maximum {
                report(expected: "at most \(maximum) items", actual: "\(elements.count) items", shape.location)
            }
            if let items = shape.items {
                for (index, element) in elements.enumerated() {
                    inside(String(index)) { $0.checkInline(element, items, via: []) }
                }
            }
        default:
            break
        }
    }


    /// OData instance and property annotations (`@odata.context`, `isCurrent@odata.type`).
    /// A byte test: `key.contains("@")` resolved to Foundation's substring search, which bridged
    /// every member name to NSString (the largest single cost of validation).
    static func isAnnotation(_ key: String) -> Bool { key.utf8.contains(UInt8(ascii: "@")) }

    private mutating func reportExtra(_ key: String, _ value: JSONValue, owner: String, _ location: SourceLocation?) {
        let severity: ShapeMismatch.Severity
        switch policy.extraProperties {
        case .allow: return
        case .warn: severity = .warning
        case .reject: severity = .error
        }
        mismatches.append(ShapeMismatch(
            pointer: pointer.appending(key), expected: "no undeclared member on \(owner)", actual: value.diagnosticExcerpt,
            severity: severity, shapeLocation: location))
    }

    private mutating func report(expected: String, _ value: JSONValue, _ location: SourceLocation?, hint: String? = nil) {
        report(expected: expected, actual: value.diagnosticExcerpt, location, hint: hint)
    }

    private mutating func report(expected: String, actual: String, _ location: SourceLocation?, hint: String? = nil) {
        mismatches.append(ShapeMismatch(pointer: pointer, expected: expected, actual: actual, shapeLocation: location, hint: hint))
    }
}

/// A structured type with its inheritance chain resolved: every declared property of the type and
/// its bases (a derived declaration wins), whether any of them is open, and the type whose `Key`
/// applies. Built once per registry (`ShapeRegistry.init`) instead of for every object validated.
///
/// Classes, both it and its properties: validation looks one up per object and per member, and
/// a class is handed out with one retain where a struct of strings is copied field by field.
final class FlatStructure: Sendable {
    /// A declared property: its type and where the contract declares it.
    final class Property: Sendable {
        let type: TypeReference
        let location: SourceLocation?

        init(_ property: StructuredTypeDefinition.Property) {
            type = property.type
            location = property.location
        }
    }

    let definition: StructuredTypeDefinition
    let declared: [String: Property]
    let isOpen: Bool
    let keyed: StructuredTypeDefinition?

    init(_ definition: StructuredTypeDefinition, in definitions: [String: ShapeDefinition]) {
        self.definition = definition
        // Base types first, the type itself last; stops at a missing base or a cycle.
        var chain = [definition]
        var seen: Set<String> = [definition.name]
        while let base = chain[0].baseType, seen.insert(base.name).inserted, case .structured(let parent)? = definitions[base.name] {
            chain.insert(parent, at: 0)
        }
        var declared: [String: Property] = [:]
        for type in chain {
            for property in type.properties { declared[property.name] = Property(property) }
        }
        self.declared = declared
        isOpen = chain.contains(where: \.isOpen)
        keyed = chain.last(where: { !$0.keys.isEmpty })
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
