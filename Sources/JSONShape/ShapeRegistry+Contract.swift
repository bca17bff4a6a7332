/// What the contract declares about one type, for tools that generate values from it rather
/// than check them (`graph-conformance explore`). Inherited members come first, in declared order,
/// so a seeded generator walks them the same way on every run.
public enum ContractType: Sendable {
    case primitive(String)
    case enumeration(members: [String], isFlags: Bool)
    case structured(properties: [ContractProperty], isOpen: Bool)
}

/// One declared property of a structured type.
public struct ContractProperty: Sendable, Hashable {
    public var name: String
    /// Qualified element type: `Edm.String`, `microsoft.graph.relatedPerson`.
    public var typeName: String
    public var isCollection: Bool
    public var nullable: Bool
}

extension ShapeRegistry {
    /// The declaration behind a CSDL type name or an `Edm.*` primitive; nil for inline shapes and
    /// unknown names.
    public func contractType(_ name: String) -> ContractType? {
        if EdmPrimitive(rawValue: name) != nil { return .primitive(name) }
        switch definitions[name] {
        case .enumeration(let definition)?:
            return .enumeration(members: definition.memberNames, isFlags: definition.isFlags)
        case .structured(let definition)?:
            var chain = [definition]
            var seen: Set<String> = [definition.name]
            while let base = chain[0].baseType, seen.insert(base.name).inserted, case .structured(let parent)? = definitions[base.name] {
                chain.insert(parent, at: 0)
            }
            var properties: [ContractProperty] = []
            for type in chain {
                for property in type.properties where !properties.contains(where: { $0.name == property.name }) {
                    properties.append(ContractProperty(
                        name: property.name, typeName: property.type.name, isCollection: property.type.isCollection,
                        nullable: property.type.nullable))
                }
            }
            return .structured(properties: properties, isOpen: chain.contains(where: \.isOpen))
        case .inline?, nil:
            return nil
        }
    }
}
