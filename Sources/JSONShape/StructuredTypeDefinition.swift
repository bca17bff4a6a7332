/// A CSDL entity or complex type: declared properties, base type, key, openness.
///
/// Inherited members are not copied in; the validator walks `baseType` so a definition stays
/// exactly what its element said and lint can report a dangling base type.
struct StructuredTypeDefinition: Sendable {
    enum Kind: Sendable { case entity, complex }

    struct Property: Sendable {
        var name: String
        var type: TypeReference
        var location: SourceLocation?
    }

    var name: String
    var kind: Kind
    var baseType: TypeReference?
    var isOpen: Bool
    /// Key property names (`<Key><PropertyRef Name="id"/></Key>`), usually only on the root type.
    var keys: [String]
    var keyLocation: SourceLocation?
    var properties: [Property]
    var location: SourceLocation?
}
