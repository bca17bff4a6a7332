/// A CSDL `Type="…"` attribute, resolved: qualified element name, collection-ness, nullability.
///
/// `written` keeps the text as it stood in the document so lint can quote it verbatim.
struct TypeReference: Sendable, Hashable {
    let name: String
    let written: String
    let isCollection: Bool
    let nullable: Bool
    /// The Edm primitive `name` names, resolved once here rather than for every value checked.
    let primitive: EdmPrimitive?

    init(name: String, written: String, isCollection: Bool, nullable: Bool) {
        self.name = name
        self.written = written
        self.isCollection = isCollection
        self.nullable = nullable
        primitive = EdmPrimitive(rawValue: name)
    }

    /// What a diagnostic calls the type: `microsoft.graph.identitySet`, `Collection(Edm.String)`.
    var displayName: String { isCollection ? "Collection(\(name))" : name }
}
