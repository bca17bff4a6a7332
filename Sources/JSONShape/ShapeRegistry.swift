/// All shapes a run knows, by name: CSDL types (`microsoft.graph.workPosition`) and case-level
/// inline shapes (`graph.error`). Immutable once built, so one instance is shared by every
/// worker; the builders return a new registry instead of mutating.
///
/// References (`Type=`, `BaseType=`, `ref:`) are resolved when a value is validated, so shapes
/// may be registered in any order; `unresolvedReferences()` lists the dangling ones for lint.
/// The `Edm.*` primitives are always known and need no registration.
public final class ShapeRegistry: Sendable {
    let definitions: [String: ShapeDefinition]
    /// Every structured type flattened once, so validation does not rebuild inheritance per object.
    let flattened: [String: FlatStructure]

    public init() {
        definitions = [:]
        flattened = [:]
    }

    init(definitions: [String: ShapeDefinition]) {
        self.definitions = definitions
        var flattened: [String: FlatStructure] = [:]
        for (name, definition) in definitions {
            if case .structured(let structured) = definition { flattened[name] = FlatStructure(structured, in: definitions) }
        }
        self.flattened = flattened
    }

    /// A registry holding the entity, complex and enum types of one CSDL document.
    public static func loadingCSDL(_ xmlText: String, file: String) throws(ShapeError) -> ShapeRegistry {
        try ShapeRegistry().addingCSDL(xmlText, file: file)
    }

    /// This registry plus the types of a CSDL document; a type name already present is an error.
    public func addingCSDL(_ xmlText: String, file: String) throws(ShapeError) -> ShapeRegistry {
        var merged = definitions
        for (name, definition) in try CSDLLoader.definitions(fromXML: xmlText, file: file) {
            guard merged[name] == nil else {
                throw ShapeError(message: "shape \(name) is already defined\(Self.origin(merged[name]))", location: definition.location)
            }
            merged[name] = definition
        }
        return ShapeRegistry(definitions: merged)
    }

    /// This registry plus one inline shape written in the spec language (see `InlineShapeParser`).
    /// `location` is where the spec starts in its case file; it is attached to every mismatch the
    /// shape produces.
    public func registering(name: String, spec: JSONValue, location: SourceLocation?) throws(ShapeError) -> ShapeRegistry {
        try registering(name: name, spec: spec, location: location, locate: { _ in nil })
    }

    /// As `registering(name:spec:location:)`, with a locator giving the source position of any
    /// pointer into `spec` (e.g. from YAML node marks), so nested expectations point at their own
    /// lines instead of the shape's first line.
    public func registering(
        name: String, spec: JSONValue, location: SourceLocation?, locate: (JSONPointer) -> SourceLocation?
    ) throws(ShapeError) -> ShapeRegistry {
        guard !name.isEmpty else { throw ShapeError(message: "a shape needs a non-empty name", location: location) }
        guard definitions[name] == nil, EdmPrimitive(rawValue: name) == nil else {
            throw ShapeError(message: "shape \(name) is already defined\(Self.origin(definitions[name]))", location: location)
        }
        let shape = try withoutActuallyEscaping(locate) { locate throws(ShapeError) in
            try InlineShapeParser(shapeName: name, fallbackLocation: location, locate: locate).parse(spec)
        }
        var merged = definitions
        merged[name] = .inline(shape)
        return ShapeRegistry(definitions: merged)
    }

    /// Whether `name` is a registered shape or a supported `Edm.*` primitive.
    public func hasShape(_ name: String) -> Bool {
        definitions[name] != nil || EdmPrimitive(rawValue: name) != nil
    }

    /// Registered shape names, sorted (primitives are not listed).
    public var shapeNames: [String] { definitions.keys.sorted() }

    /// Every member name some type or shape declares. A member outside this set is one the
    /// contract says nothing about (Graph adds properties over time), so comparisons may skip it.
    public var declaredPropertyNames: Set<String> {
        var names = Set<String>()
        for definition in definitions.values {
            switch definition {
            case .structured(let type): names.formUnion(type.properties.map(\.name))
            case .inline(let shape): names.formUnion(shape.allPropertyNames)
            case .enumeration: continue
            }
        }
        return names
    }

    /// Members of a CSDL enum in declared order; nil when `enumName` is not an enum.
    public func enumMembers(_ enumName: String) -> [String]? {
        guard case .enumeration(let definition)? = definitions[enumName] else { return nil }
        return definition.memberNames
    }

    /// Every way `value` breaks `shapeName`, in document order of the value. Empty means conformant.
    public func validate(_ value: JSONValue, against shapeName: String, policy: ShapePolicy = .init()) -> [ShapeMismatch] {
        var validator = ShapeValidator(definitions: definitions, flattened: flattened, policy: policy)
        validator.checkRoot(value, name: shapeName)
        return validator.mismatches
    }

    /// References to shapes or types that do not exist, sorted by shape then reference.
    public func unresolvedReferences() -> [(shape: String, reference: String, location: SourceLocation?)] {
        var result: [(shape: String, reference: String, location: SourceLocation?)] = []
        for name in shapeNames {
            switch definitions[name] {
            case .structured(let definition)?:
                if let base = definition.baseType, !isStructured(base.name) {
                    result.append((name, base.written, definition.location))
                }
                for property in definition.properties where !hasShape(property.type.name) {
                    result.append((name, property.type.written, property.location))
                }
            case .inline(let shape)?:
                for (reference, location) in shape.allReferences where !hasShape(reference) {
                    result.append((name, reference, location))
                }
            case .enumeration?, nil:
                continue
            }
        }
        return result
    }

    private func isStructured(_ name: String) -> Bool {
        if case .structured? = definitions[name] { return true }
        return false
    }

    private static func origin(_ definition: ShapeDefinition?) -> String {
        guard let location = definition?.location else { return "" }
        return " (at \(location))"
    }
}
