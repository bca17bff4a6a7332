import JSONShape

/// The `listEntry` expectation: a list element, found by id, compared with a snapshot.
extension CaseFileDecoder {
    func decodeListEntry(_ node: YAMLNode, scope: Scope) -> Assertion.ListEntry? {
        guard let reader = MappingReader(node, allowed: ["id", "equals", "except", "in"], context: "listEntry", sink: sink) else { return nil }
        guard let id = reader.node("id") else {
            sink.error("listEntry needs 'id' (the id of the element, e.g. \"${position.id}\")", at: node.location)
            return nil
        }
        checkVariables(in: id.jsonValue, at: id.location, scope: scope)
        guard let snapshot = reader.string("equals", required: true) else { return nil }
        if !scope.snapshots.contains(snapshot.value) {
            sink.error("no earlier step takes a snapshot named '\(snapshot.value)'"
                + Suggestion.hint(for: snapshot.value, in: scope.snapshots.sorted()), at: snapshot.location)
        }
        var array = JSONPointer.root.appending("value")
        if let text = reader.string("in") {
            if let pointer = JSONPointer(text.value) {
                array = pointer
            } else {
                sink.error("'\(text.value)' is not a JSON pointer (RFC 6901: '/value')", at: text.location)
            }
        }
        let except = exceptPointers(reader)
        return Assertion.ListEntry(array: array, id: id.jsonValue, snapshot: snapshot.value, except: except, location: node.location)
    }
}
