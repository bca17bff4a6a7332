import JSONShape

/// Turns a parsed YAML case file into a `CaseFile`, reporting every problem with its location.
public struct CaseFileDecoder {
    static let fileKeys = ["suite", "classname", "doc", "tags", "principal", "groups", "setup", "teardown", "cases"]
    static let caseKeys = ["name", "doc", "tags", "principal", "when", "matrix", "setup", "steps", "teardown", "note"]
    static let stepKeys = ["name", "as", "method", "path", "query", "headers", "json", "raw", "auth", "expect", "capture", "snapshot", "wait", "pages"]
    /// Every key a case file may use, once each (for tools such as the fuzzer's key mutations).
    public static var vocabulary: [String] {
        var seen: Set<String> = []
        return (fileKeys + caseKeys + stepKeys + Assertion.Keyword.allCases.map(\.rawValue)).filter { seen.insert($0).inserted }
    }
    static let methods = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"]

    let context: LintContext
    let sink: DiagnosticSink
    /// The file's named step groups (`groups:`), expanded where a step says `use:`.
    var groups: [String: StepGroup] = [:]

    public init(context: LintContext, sink: DiagnosticSink) {
        self.context = context
        self.sink = sink
    }

    init(context: LintContext, sink: DiagnosticSink, groups: [String: StepGroup]) {
        self.init(context: context, sink: sink)
        self.groups = groups
    }

    /// Parses and decodes one file; nil when it is unusable (the sink says why).
    public static func load(text: String, path: String, context: LintContext, sink: DiagnosticSink) -> CaseFile? {
        guard let root = YAMLNode.parse(text, file: path, sink: sink) else { return nil }
        return CaseFileDecoder(context: context, sink: sink).decodeFile(root, path: path)
    }

    func decodeFile(_ root: YAMLNode, path: String) -> CaseFile? {
        guard let reader = MappingReader(root, allowed: Self.fileKeys, context: "a case file", sink: sink) else { return nil }
        let withGroups = CaseFileDecoder(context: context, sink: sink, groups: decodeGroups(reader.node("groups")))
        return withGroups.decodeFile(reader, root: root, path: path)
    }

    private func decodeFile(_ reader: MappingReader, root: YAMLNode, path: String) -> CaseFile? {
        let stem = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? path
        let suite = reader.string("suite")?.value ?? stem
        let classname = reader.string("classname")?.value ?? "graph.workPosition." + suite.replacingDots()
        if let located = reader.string("classname"), located.value.hasSuffix(".yaml") || located.value.hasSuffix(".yml") {
            sink.error("classname must not end in a file extension (Jenkins splits at the last dot)", at: located.location)
        }
        let principal = reader.string("principal")
        if let principal { checkPrincipal(principal) }

        var scope = Scope()
        let setup = decodeSteps(reader.list("setup") ?? [], scope: &scope)
        var teardownScope = scope
        let teardown = decodeSteps(reader.list("teardown") ?? [], scope: &teardownScope)

        var cases: [CaseDefinition] = []
        var names: [String: SourceLocation] = [:]
        if let list = reader.list("cases") {
            if list.isEmpty { sink.error("'cases' is empty: a file needs at least one case", at: reader.keyLocation("cases") ?? root.location) }
            for node in list {
                guard let definition = decodeCase(node, fileScope: scope) else { continue }
                if let first = names[definition.name] {
                    sink.error("duplicate case name '\(definition.name)' (first at line \(first.line))", at: definition.location)
                }
                names[definition.name] = definition.location
                cases.append(definition)
            }
        } else if !reader.has("cases") {
            sink.error("missing required key 'cases'", at: root.location)
        }
        return CaseFile(
            path: path, suite: suite, classname: classname, doc: reader.string("doc")?.value,
            tags: reader.stringList("tags").map(\.value), principal: principal?.value,
            setup: setup, teardown: teardown, cases: cases
        )
    }

    func decodeCase(_ node: YAMLNode, fileScope: Scope) -> CaseDefinition? {
        guard let reader = MappingReader(node, allowed: Self.caseKeys, context: "a case", sink: sink) else { return nil }
        guard let name = reader.string("name", required: true) else { return nil }
        let principal = reader.string("principal")
        if let principal { checkPrincipal(principal) }
        var scope = fileScope
        let matrix = decodeMatrix(reader.node("matrix"))
        for axis in matrix { scope.names.insert(axis.name) }
        let when = decodeWhen(reader.node("when"))
        let setup = decodeSteps(reader.list("setup") ?? [], scope: &scope)
        guard let stepNodes = reader.list("steps") else {
            sink.error("case '\(name.value)' has no 'steps'", at: node.location)
            return nil
        }
        if stepNodes.isEmpty { sink.error("case '\(name.value)' has an empty 'steps' list", at: node.location) }
        let steps = decodeSteps(stepNodes, scope: &scope)
        let teardown = decodeSteps(reader.list("teardown") ?? [], scope: &scope)
        return CaseDefinition(
            name: name.value, doc: reader.string("doc")?.value, tags: reader.stringList("tags").map(\.value),
            principal: principal?.value, when: when, matrix: matrix, setup: setup, steps: steps,
            teardown: teardown, note: reader.string("note")?.value, location: node.location
        )
    }

    func decodeMatrix(_ node: YAMLNode?) -> [MatrixAxis] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            sink.error("'matrix' must map names to lists or {enum: NAME}", at: node.location)
            return []
        }
        var axes: [MatrixAxis] = []
        for (key, value) in pairs {
            guard let name = key.string else { continue }
            if LintContext.builtinVariables.contains(name) {
                sink.error("matrix name '\(name)' hides a built-in variable", at: key.location)
            }
            if let items = value.sequence {
                if items.isEmpty { sink.error("matrix '\(name)' has no values", at: value.location) }
                axes.append(MatrixAxis(name: name, source: .values(items.map(\.jsonValue)), location: key.location))
            } else if let reader = MappingReader(value, allowed: ["enum"], context: "matrix '\(name)'", sink: sink),
                let enumName = reader.string("enum", required: true)
            {
                if context.enumMembers(enumName.value) == nil {
                    sink.error("unknown enum '\(enumName.value)' in matrix '\(name)'", at: enumName.location)
                }
                axes.append(MatrixAxis(name: name, source: .enumMembers(enumName.value), location: key.location))
            }
        }
        return axes
    }

    func decodeWhen(_ node: YAMLNode?) -> [PolicyCondition] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            sink.error("'when' must map policy names to accepted values", at: node.location)
            return []
        }
        return pairs.compactMap { key, value in
            guard let policy = key.string else { return nil }
            if !context.policies.contains(policy) {
                sink.error("unknown policy '\(policy)'" + Suggestion.hint(for: policy, in: context.policies.sorted()), at: key.location)
            }
            let accepted = value.sequence.map { $0.map(\.jsonValue) } ?? [value.jsonValue]
            return PolicyCondition(policy: policy, accepted: accepted, location: key.location)
        }
    }

    func decodeSteps(_ nodes: [YAMLNode], scope: inout Scope) -> [Step] {
        nodes.flatMap { node in
            Self.isGroupUse(node) ? expandGroupUse(node, scope: &scope) : decodeStep(node, scope: &scope).map { [$0] } ?? []
        }
    }

    func checkPrincipal(_ principal: Located<String>) {
        if !context.principals.contains(principal.value) {
            sink.error("unknown principal '\(principal.value)'" + Suggestion.hint(for: principal.value, in: context.principals.sorted()),
                       at: principal.location)
        }
    }

    func checkShape(_ name: Located<String>) {
        if !context.shapeExists(name.value) {
            sink.error("unknown shape '\(name.value)'" + Suggestion.hint(for: name.value, in: context.shapeNames), at: name.location)
        }
    }
}

/// Names defined so far (captures, snapshots, matrix values) while decoding in run order.
struct Scope {
    var names: Set<String> = []
    var snapshots: Set<String> = []
}

extension String {
    func replacingDots() -> String {
        split(separator: ".").joined(separator: "_")
    }
}
