/// A CSDL `Type="…"` attribute, resolved: qualified element name, collection-ness, nullability.
///
/// `written` keeps the text as it stood in the document so lint can quote it verbatim.
struct TypeReference: Sendable, Hashable {
    var name: String
    var written: String
    var isCollection: Bool
    var nullable: Bool

    /// What a diagnostic calls the type: `microsoft.graph.identitySet`, `Collection(Edm.String)`.
    var displayName: String { isCollection ? "Collection(\(name))" : name }
}
