import JSONShape

/// `groups:` (named step lists) and `- use: NAME` steps that expand them (see `StepGroup`).
extension CaseFileDecoder {
    static let useKeys = ["use", "with"]

    func decodeGroups(_ node: YAMLNode?) -> [String: StepGroup] {
        guard let node else { return [:] }
        guard let pairs = node.mapping else {
            sink.error("'groups' must map names to lists of steps", at: node.location)
            return [:]
        }
        var groups: [String: StepGroup] = [:]
        for (key, value) in pairs {
            guard let name = key.string else { continue }
            guard let steps = value.sequence, !steps.isEmpty else {
                sink.error("group '\(name)' must be a non-empty list of steps", at: value.location)
                continue
            }
            groups[name] = StepGroup(name: name, steps: steps, location: key.location)
        }
        return groups
    }

    /// True for a step entry that is a group use rather than a request.
    static func isGroupUse(_ node: YAMLNode) -> Bool {
        node.mapping?.contains { $0.key.string == "use" } ?? false
    }

    /// The steps one `- use: NAME` stands for, decoded where they are used.
    func expandGroupUse(_ node: YAMLNode, scope: inout Scope) -> [Step] {
        guard let reader = MappingReader(node, allowed: Self.useKeys, context: "a group use", sink: sink),
            let name = reader.string("use", required: true)
        else { return [] }
        guard let group = groups[name.value] else {
            sink.error("unknown group '\(name.value)'" + Suggestion.hint(for: name.value, in: groups.keys.sorted()), at: name.location)
            return []
        }
        var parameters: [String: String] = [:]
        for (key, value) in reader.mappingPairs("with") ?? [] {
            guard let parameter = key.string else { continue }
            guard let text = value.string else {
                sink.error("'with' value for '\(parameter)' must be text", at: value.location)
                continue
            }
            parameters[parameter] = text
        }
        // Every use decodes the group again; a problem inside the group itself is reported once.
        let local = DiagnosticSink()
        let decoder = CaseFileDecoder(context: context, sink: local, groups: [:])
        var steps: [Step] = []
        for stepNode in group.steps {
            if Self.isGroupUse(stepNode) {
                local.error("a group cannot use another group", at: stepNode.location)
                continue
            }
            let substituted = stepNode.substituting(parameters, sink: local)
            if let step = decoder.decodeStep(substituted, scope: &scope) { steps.append(step) }
        }
        for diagnostic in local.diagnostics where !sink.diagnostics.contains(where: { $0.description == diagnostic.description }) {
            let note = " (in group '\(group.name)' used at line \(node.location.line))"
            switch diagnostic.severity {
            case .error: sink.error(diagnostic.message + note, at: diagnostic.location)
            case .warning: sink.warning(diagnostic.message + note, at: diagnostic.location)
            }
        }
        return steps
    }
}

extension YAMLNode {
    /// This node with every reference to a parameter replaced in every scalar. A parameter bound
    /// to one variable (`with: {item: "${created}"}`) renames it, so `${item.id | urlencode}`
    /// becomes `${created.id | urlencode}`; one bound to other text replaces a bare `${name}`.
    func substituting(_ parameters: [String: String], sink: DiagnosticSink) -> YAMLNode {
        guard !parameters.isEmpty else { return self }
        switch kind {
        case .scalar(let text, let quoted):
            guard text.contains("${") else { return self }
            let references = Template.references(in: text).references.filter { parameters[$0.path[0]] != nil }
            guard !references.isEmpty else { return self }
            var result = text
            for reference in references.reversed() {
                let value = parameters[reference.path[0]] ?? ""
                let replacement: String
                if let variable = Template.wholeReference(value), variable.filters.isEmpty {
                    let path = ([variable.source] + reference.path.dropFirst()).joined(separator: ".")
                    replacement = "${" + ([path] + reference.filters).joined(separator: " | ") + "}"
                } else if reference.path.count == 1, reference.filters.isEmpty {
                    replacement = value
                } else {
                    sink.error("'${\(reference.source)}' needs parameter '\(reference.path[0])' bound to one variable (e.g. \"${position}\"), not to text", at: location)
                    continue
                }
                let start = result.index(result.startIndex, offsetBy: reference.offset)
                let end = result.index(start, offsetBy: reference.source.count + 3)
                result.replaceSubrange(start..<end, with: replacement)
            }
            return YAMLNode(kind: .scalar(result, quoted: quoted), location: location)
        case .mapping(let pairs):
            return YAMLNode(kind: .mapping(pairs.map { (key: $0.key, value: $0.value.substituting(parameters, sink: sink)) }), location: location)
        case .sequence(let items):
            return YAMLNode(kind: .sequence(items.map { $0.substituting(parameters, sink: sink) }), location: location)
        }
    }
}
