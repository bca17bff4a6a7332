/// One element of a parsed XML document: what the CSDL loader walks.
///
/// Only what CSDL needs is kept: the qualified name, attributes in document order, child
/// elements, concatenated text, and the 1-based position of the `<` for diagnostics.
struct XMLElementNode: Sendable {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XMLElementNode]
    var text: String
    var line: Int
    var column: Int

    /// The name without a namespace prefix (`edmx:Edmx` → `Edmx`). CSDL elements are matched by
    /// local name; namespaces are not resolved because the fragment uses a single vocabulary.
    var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    subscript(attribute: String) -> String? {
        attributes.first(where: { $0.name == attribute })?.value
    }

    func children(named localName: String) -> [XMLElementNode] {
        children.filter { $0.localName == localName }
    }
}
