import JSONShape

/// Reads one YAML mapping against a fixed vocabulary, reporting unknown keys (with "did you
/// mean") and wrong types to the sink instead of stopping at the first problem.
struct MappingReader {
    let node: YAMLNode
    let sink: DiagnosticSink
    private var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]

    /// Returns nil (after reporting) when the node is not a mapping.
    init?(_ node: YAMLNode, allowed: [String], context: String, sink: DiagnosticSink) {
        self.node = node
        self.sink = sink
        guard let pairs = node.mapping else {
            sink.error("\(context) must be a mapping, found \(node.kindName)", at: node.location)
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.string else {
                sink.error("keys in \(context) must be plain words", at: pair.key.location)
                continue
            }
            guard allowed.contains(key) else {
                sink.error("unknown key '\(key)' in \(context)" + Suggestion.hint(for: key, in: allowed), at: pair.key.location)
                continue
            }
            entries[key] = pair
        }
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    func node(_ key: String) -> YAMLNode? { entries[key]?.value }

    func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.key.location }

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = entries[key]?.value else {
            if required { sink.error("missing required key '\(key)'", at: node.location) }
            return nil
        }
        guard let text = value.string else {
            sink.error("'\(key)' must be a string, found \(value.kindName)", at: value.location)
            return nil
        }
        return Located(text, at: value.location)
    }

    func stringList(_ key: String) -> [Located<String>] {
        guard let value = entries[key]?.value else { return [] }
        if let single = value.string { return [Located(single, at: value.location)] }
        guard let items = value.sequence else {
            sink.error("'\(key)' must be a list of strings, found \(value.kindName)", at: value.location)
            return []
        }
        return items.compactMap { item in
            guard let text = item.string else {
                sink.error("items of '\(key)' must be strings, found \(item.kindName)", at: item.location)
                return nil
            }
            return Located(text, at: item.location)
        }
    }

    func list(_ key: String) -> [YAMLNode]? {
        guard let value = entries[key]?.value else { return nil }
        guard let items = value.sequence else {
            sink.error("'\(key)' must be a list, found \(value.kindName)", at: value.location)
            return nil
        }
        return items
    }

    func mappingPairs(_ key: String) -> [(key: YAMLNode, value: YAMLNode)]? {
        guard let value = entries[key]?.value else { return nil }
        guard let pairs = value.mapping else {
            sink.error("'\(key)' must be a mapping, found \(value.kindName)", at: value.location)
            return nil
        }
        return pairs
    }
}
