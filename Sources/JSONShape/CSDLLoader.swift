/// Turns a CSDL (OData EDMX) document into shape definitions.
///
/// Reads `EnumType`, `EntityType` and `ComplexType` of every `Schema`, expanding the schema
/// alias (`graph.workPosition` → `microsoft.graph.workPosition`) in `Type` and `BaseType`.
/// Everything else (containers, annotations, actions) is skipped: the suite validates payloads,
/// not services. Attribute defaults follow CSDL: absent `Nullable` means nullable, absent
/// `IsFlags`/`OpenType`/`Abstract` mean false.
struct CSDLLoader {
    static func definitions(fromXML text: String, file: String) throws(ShapeError) -> [(name: String, definition: ShapeDefinition)] {
        let root = try XMLReader.parse(text, file: file)
        let loader = CSDLLoader(file: file)
        let schemas = loader.schemas(in: root)
        guard !schemas.isEmpty else {
            throw ShapeError(message: "no <Schema> element in CSDL document", location: loader.location(of: root))
        }
        var aliases: [String: String] = [:]
        for schema in schemas {
            let namespace = try loader.required("Namespace", of: schema)
            if let alias = schema["Alias"] { aliases[alias] = namespace }
        }
        var result: [(name: String, definition: ShapeDefinition)] = []
        var seen: Set<String> = []
        for schema in schemas {
            let namespace = try loader.required("Namespace", of: schema)
            for element in schema.children {
                let definition: ShapeDefinition
                switch element.localName {
                case "EnumType": definition = .enumeration(try loader.enumType(element, namespace: namespace))
                case "EntityType": definition = .structured(try loader.structuredType(element, kind: .entity, namespace: namespace, aliases: aliases))
                case "ComplexType": definition = .structured(try loader.structuredType(element, kind: .complex, namespace: namespace, aliases: aliases))
                default: continue
                }
                let name = namespace + "." + (try loader.required("Name", of: element))
                guard seen.insert(name).inserted else {
                    throw ShapeError(message: "type \(name) is declared twice", location: loader.location(of: element))
                }
                result.append((name, definition))
            }
        }
        return result
    }

    let file: String

    private func schemas(in element: XMLElementNode) -> [XMLElementNode] {
        if element.localName == "Schema" { return [element] }
        return element.children.flatMap { schemas(in: $0) }
    }

    private func enumType(_ element: XMLElementNode, namespace: String) throws(ShapeError) -> EnumTypeDefinition {
        let name = try required("Name", of: element)
        var members: [(name: String, value: String?)] = []
        for member in element.children(named: "Member") {
            let memberName = try required("Name", of: member)
            guard !members.contains(where: { $0.name == memberName }) else {
                throw ShapeError(message: "enum member '\(memberName)' is declared twice in \(name)", location: location(of: member))
            }
            members.append((memberName, member["Value"]))
        }
        return EnumTypeDefinition(
            name: namespace + "." + name, isFlags: try flag("IsFlags", of: element, default: false),
            members: members, location: location(of: element))
    }

    private func structuredType(
        _ element: XMLElementNode, kind: StructuredTypeDefinition.Kind, namespace: String, aliases: [String: String]
    ) throws(ShapeError) -> StructuredTypeDefinition {
        let name = try required("Name", of: element)
        var definition = StructuredTypeDefinition(
            name: namespace + "." + name, kind: kind,
            baseType: try element["BaseType"].map { written throws(ShapeError) in
                try typeReference(written, nullable: false, aliases: aliases, at: element)
            },
            isOpen: try flag("OpenType", of: element, default: false), keys: [], keyLocation: nil, properties: [],
            location: location(of: element))
        for child in element.children {
            switch child.localName {
            case "Key":
                definition.keyLocation = location(of: child)
                for reference in child.children(named: "PropertyRef") {
                    definition.keys.append(try required("Name", of: reference))
                }
            case "Property", "NavigationProperty":
                let propertyName = try required("Name", of: child)
                guard !definition.properties.contains(where: { $0.name == propertyName }) else {
                    throw ShapeError(message: "property '\(propertyName)' is declared twice in \(definition.name)", location: location(of: child))
                }
                let type = try typeReference(
                    try required("Type", of: child), nullable: try flag("Nullable", of: child, default: true),
                    aliases: aliases, at: child)
                definition.properties.append(.init(name: propertyName, type: type, location: location(of: child)))
            default:
                continue
            }
        }
        return definition
    }

    /// Resolves `Collection(graph.x)` / `graph.x` / `Edm.String` against the document's aliases.
    private func typeReference(
        _ written: String, nullable: Bool, aliases: [String: String], at element: XMLElementNode
    ) throws(ShapeError) -> TypeReference {
        var name = Substring(written)
        var isCollection = false
        if name.hasPrefix("Collection(") {
            guard name.hasSuffix(")") else {
                throw ShapeError(message: "malformed type '\(written)': missing ')'", location: location(of: element))
            }
            name = name.dropFirst("Collection(".count).dropLast()
            isCollection = true
        }
        guard !name.isEmpty, !name.contains(where: { $0 == "(" || $0 == ")" || $0 == " " }) else {
            throw ShapeError(message: "malformed type '\(written)'", location: location(of: element))
        }
        var qualified = String(name)
        if let dot = name.lastIndex(of: "."), let namespace = aliases[String(name[..<dot])] {
            qualified = namespace + String(name[dot...])
        }
        return TypeReference(name: qualified, written: written, isCollection: isCollection, nullable: nullable)
    }

    private func required(_ attribute: String, of element: XMLElementNode) throws(ShapeError) -> String {
        guard let value = element[attribute], !value.isEmpty else {
            throw ShapeError(message: "<\(element.name)> needs a \(attribute) attribute", location: location(of: element))
        }
        return value
    }

    private func flag(_ attribute: String, of element: XMLElementNode, default defaultValue: Bool) throws(ShapeError) -> Bool {
        switch element[attribute] {
        case nil: return defaultValue
        case "true": return true
        case "false": return false
        case let other?:
            throw ShapeError(
                message: "\(attribute)=\"\(other)\" on <\(element.name)> must be \"true\" or \"false\"",
                location: location(of: element))
        }
    }

    func location(of element: XMLElementNode) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: element.column)
    }
}
