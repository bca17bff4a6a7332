/// Anything a shape name can stand for in a registry.
enum ShapeDefinition: Sendable {
    case structured(StructuredTypeDefinition)
    case enumeration(EnumTypeDefinition)
    case inline(InlineShape)

    var location: SourceLocation? {
        switch self {
        case .structured(let definition): definition.location
        case .enumeration(let definition): definition.location
        case .inline(let shape): shape.location
        }
    }
}
