import JSONShape

extension CaseFileDecoder {
    static let expectKeys = ["status", "headers", "shape", "errorShape", "json", "at", "present", "absent", "null", "unchanged", "later", "notEarlier", "body", "contains", "notContains", "listEntry"]

    func decodeStep(_ node: YAMLNode, scope: inout Scope) -> Step? {
        guard let reader = MappingReader(node, allowed: Self.stepKeys, context: "a step", sink: sink) else { return nil }
        let method = reader.string("method", required: true)
        let path = reader.string("path", required: true)
        if let method, !Self.methods.contains(method.value) {
            sink.error("unknown method '\(method.value)'" + Suggestion.hint(for: method.value, in: Self.methods), at: method.location)
        }
        if let path {
            checkVariables(in: path.value, at: path.location, scope: scope)
            if !path.value.hasPrefix("/") { sink.error("path must start with '/' (it is relative to the base URL)", at: path.location) }
        }
        let principal = reader.string("as")
        if let principal { checkPrincipal(principal) }

        var query: [(name: String, value: JSONValue)] = []
        for (key, value) in reader.mappingPairs("query") ?? [] {
            guard let name = key.string else { continue }
            checkVariables(in: value.jsonValue, at: value.location, scope: scope)
            query.append((name, value.jsonValue))
        }
        var headers: [(name: String, value: String?)] = []
        for (key, value) in reader.mappingPairs("headers") ?? [] {
            guard let name = key.string else { continue }
            switch value.jsonValue {
            case .null: headers.append((name, nil))
            case .string(let text):
                checkVariables(in: text, at: value.location, scope: scope)
                headers.append((name, text))
            case .number(let number): headers.append((name, number.literal))
            case .bool(let flag): headers.append((name, flag ? "true" : "false"))
            default: sink.error("header '\(name)' must be a string or null", at: value.location)
            }
        }
        var body = Step.Body.none
        if reader.has("json"), reader.has("raw") {
            sink.error("a step takes 'json' or 'raw', not both", at: reader.keyLocation("raw") ?? node.location)
        }
        if let json = reader.node("json") {
            checkVariables(in: json.jsonValue, at: json.location, scope: scope)
            body = .json(json.jsonValue)
        } else if let raw = reader.string("raw") {
            checkVariables(in: raw.value, at: raw.location, scope: scope)
            body = .raw(raw.value)
        }
        let auth = decodeAuth(reader.node("auth"), scope: scope)
        let expect = reader.node("expect").map { decodeExpectation($0, scope: scope) } ?? Expectation()

        var captures: [Capture] = []
        for (key, value) in reader.mappingPairs("capture") ?? [] {
            guard let name = key.string else { continue }
            if LintContext.builtinVariables.contains(name) {
                sink.error("capture name '\(name)' hides a built-in variable", at: key.location)
            }
            if let text = value.string {
                let pointerText = text == "/" ? "" : text
                guard let pointer = JSONPointer(pointerText) else {
                    sink.error("'\(text)' is not a JSON pointer (RFC 6901: '' or '/a/b')", at: value.location)
                    continue
                }
                captures.append(Capture(name: name, source: .body(pointer), location: key.location))
            } else if let headerReader = MappingReader(value, allowed: ["header"], context: "capture '\(name)'", sink: sink),
                let header = headerReader.string("header", required: true)
            {
                captures.append(Capture(name: name, source: .header(header.value), location: key.location))
            }
            scope.names.insert(name)
        }
        var wait: Wait?
        if let waitNode = reader.node("wait") {
            if let seconds = waitNode.jsonValue.numberValue?.double, seconds >= 0, seconds <= 10 {
                wait = .seconds(seconds)
            } else if waitNode.mapping != nil,
                let waitReader = MappingReader(waitNode, allowed: ["precisionOf"], context: "wait", sink: sink),
                let reference = waitReader.string("precisionOf", required: true)
            {
                checkVariables(in: reference.value, at: reference.location, scope: scope)
                wait = .precisionOf(reference.value)
            } else if waitNode.mapping == nil {
                sink.error("'wait' takes seconds from 0 to 10, or {precisionOf: TIMESTAMP}", at: waitNode.location)
            }
        }
        let pages = reader.string("pages")
        if let pages, pages.value != "all" {
            sink.error("'pages' only takes 'all' (follow @odata.nextLink)", at: pages.location)
        }
        let snapshot = reader.string("snapshot")
        if let snapshot {
            scope.snapshots.insert(snapshot.value)
            scope.names.insert(snapshot.value)
        }
        return Step(
            name: reader.string("name")?.value, principal: principal?.value,
            method: method?.value ?? "GET", path: path?.value ?? "/", query: query, headers: headers, body: body,
            auth: auth, expect: expect, captures: captures, snapshot: snapshot?.value, wait: wait, allPages: pages?.value == "all", location: node.location
        )
    }

    func decodeAuth(_ node: YAMLNode?, scope: Scope) -> AuthSpec {
        guard let node else { return .principal }
        if let text = node.string {
            if text == "none" { return .none }
            sink.error("auth must be 'none' or a mapping ({scheme: …}, {header: …}, {token: …})", at: node.location)
            return .principal
        }
        guard let reader = MappingReader(node, allowed: ["scheme", "header", "token"], context: "auth", sink: sink) else { return .principal }
        if let scheme = reader.string("scheme") { return .scheme(scheme.value) }
        if let header = reader.string("header") { return .header(header.value) }
        if let token = reader.string("token") {
            if token.value.contains("${") {
                checkVariables(in: token.value, at: token.location, scope: scope)
                return .brokenTokenNamed(token.value)
            }
            guard let defect = TokenDefect(rawValue: token.value) else {
                let names = TokenDefect.allCases.map(\.rawValue)
                sink.error("unknown token variant '\(token.value)'" + Suggestion.hint(for: token.value, in: names), at: token.location)
                return .principal
            }
            return .brokenToken(defect)
        }
        sink.error("auth needs one of 'scheme', 'header', 'token'", at: node.location)
        return .principal
    }

    // MARK: Variables

    func checkVariables(in value: JSONValue, at location: SourceLocation, scope: Scope) {
        switch value {
        case .string(let text): checkVariables(in: text, at: location, scope: scope)
        case .array(let items): items.forEach { checkVariables(in: $0, at: location, scope: scope) }
        case .object(let object): object.members.forEach { checkVariables(in: $0.value, at: location, scope: scope) }
        default: break
        }
    }

    func checkVariables(in text: String, at location: SourceLocation, scope: Scope) {
        let (references, errors) = Template.references(in: text)
        errors.forEach { sink.error($0, at: location) }
        for reference in references {
            for filter in reference.filters where !TemplateReference.knownFilters.contains(filter) {
                sink.error("unknown filter '\(filter)'" + Suggestion.hint(for: filter, in: TemplateReference.knownFilters), at: location)
            }
            let root = reference.path[0]
            switch root {
            case "user":
                guard reference.path.count == 3 else {
                    sink.error("'${\(reference.source)}' must be ${user.PRINCIPAL.id} or ${user.PRINCIPAL.upn}", at: location)
                    continue
                }
                checkPrincipal(Located(reference.path[1], at: location))
                if !LintContext.userFields.contains(reference.path[2]) {
                    sink.error("unknown user field '\(reference.path[2])' (id or upn)", at: location)
                }
            case "policy":
                guard reference.path.count >= 2 else {
                    sink.error("'${policy}' needs a policy name", at: location)
                    continue
                }
                if !context.policies.contains(reference.path[1]) {
                    sink.error("unknown policy '\(reference.path[1])'" + Suggestion.hint(for: reference.path[1], in: context.policies.sorted()), at: location)
                }
            case _ where LintContext.builtinVariables.contains(root) || scope.names.contains(root):
                continue
            default:
                let known = Array(scope.names) + LintContext.builtinVariables
                sink.error("unknown variable '\(root)': no earlier step captures it" + Suggestion.hint(for: root, in: known), at: location)
            }
        }
    }
}
