import JSONShape

/// The `expect:` block of a step: every key checked, every pointer and variable validated.
extension CaseFileDecoder {
    func decodeExpectation(_ node: YAMLNode, scope: Scope) -> Expectation {
        var expectation = Expectation()
        guard let reader = MappingReader(node, allowed: Self.expectKeys, context: "expect", sink: sink) else { return expectation }
        if let status = reader.node("status") {
            checkStatus(status, scope: scope)
            expectation.status = Located(status.jsonValue, at: status.location)
        }
        for (key, value) in reader.mappingPairs("headers") ?? [] {
            guard let name = key.string else { continue }
            if let rule = decodeHeaderRule(value, name: name, scope: scope) {
                expectation.headers.append(HeaderExpectation(name: name, rule: rule, location: value.location))
            }
        }
        if let shape = reader.string("shape") {
            checkShape(shape)
            expectation.shape = shape
        }
        if let errorShape = reader.string("errorShape") {
            if errorShape.value != "none" { checkShape(errorShape) }
            expectation.errorShape = errorShape
        }
        if let json = reader.node("json") {
            checkVariables(in: json.jsonValue, at: json.location, scope: scope)
            expectation.json = Located(json.jsonValue, at: json.location)
        }
        for (key, value) in reader.mappingPairs("at") ?? [] {
            guard let pointer = pointer(key) else { continue }
            checkVariables(in: value.jsonValue, at: value.location, scope: scope)
            expectation.at.append((pointer, Located(value.jsonValue, at: value.location)))
        }
        for (key, value) in reader.mappingPairs("later") ?? [] {
            guard let pointer = pointer(key) else { continue }
            checkVariables(in: value.jsonValue, at: value.location, scope: scope)
            expectation.later.append((pointer, Located(value.jsonValue, at: value.location)))
        }
        for (key, value) in reader.mappingPairs("notEarlier") ?? [] {
            guard let pointer = pointer(key) else { continue }
            checkVariables(in: value.jsonValue, at: value.location, scope: scope)
            expectation.notEarlier.append((pointer, Located(value.jsonValue, at: value.location)))
        }
        expectation.present = pointers(reader.list("present"))
        expectation.absent = pointers(reader.list("absent"))
        expectation.null = pointers(reader.list("null"))
        if let unchanged = reader.node("unchanged"),
            let unchangedReader = MappingReader(unchanged, allowed: ["from", "except"], context: "unchanged", sink: sink),
            let from = unchangedReader.string("from", required: true)
        {
            if !scope.snapshots.contains(from.value) {
                sink.error("no earlier step takes a snapshot named '\(from.value)'"
                    + Suggestion.hint(for: from.value, in: scope.snapshots.sorted()), at: from.location)
            }
            var except: [JSONPointer] = []
            for item in unchangedReader.stringList("except") {
                if item.value == "server-managed" {
                    except += Expectation.serverManaged
                } else if let pointer = JSONPointer(item.value) {
                    except.append(pointer)
                } else {
                    sink.error("'\(item.value)' is not a JSON pointer or 'server-managed'", at: item.location)
                }
            }
            expectation.unchanged = Expectation.Unchanged(snapshot: from.value, except: except, location: unchanged.location)
        }
        expectation.contains = decodeMembership(reader.node("contains"), key: "contains", scope: scope)
        expectation.notContains = decodeMembership(reader.node("notContains"), key: "notContains", scope: scope)
        expectation.listEntry = decodeListEntry(reader.node("listEntry"), scope: scope)
        if let body = reader.string("body") {
            if body.value == "empty" {
                expectation.bodyEmpty = Located(true, at: body.location)
            } else {
                sink.error("'body' only takes 'empty'", at: body.location)
            }
        }
        return expectation
    }

    /// `contains: {/value: {id: "${position.id}"}}`: a map from array pointer to the item an element must match.
    func decodeMembership(_ node: YAMLNode?, key: String, scope: Scope) -> [Expectation.Membership] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            sink.error("'\(key)' must map an array pointer to an item, e.g. {/value: {id: ...}}", at: node.location)
            return []
        }
        return pairs.compactMap { entry in
            let text = entry.key.string ?? ""
            guard let pointer = JSONPointer(text == "/" ? "" : text) else {
                sink.error("'\(text)' is not a JSON pointer (RFC 6901: '/value')", at: entry.key.location)
                return nil
            }
            checkVariables(in: entry.value.jsonValue, at: entry.value.location, scope: scope)
            return Expectation.Membership(array: pointer, item: entry.value.jsonValue, location: entry.value.location)
        }
    }

    func decodeHeaderRule(_ node: YAMLNode, name: String, scope: Scope) -> HeaderExpectation.Rule? {
        if node.mapping == nil {
            checkVariables(in: node.jsonValue, at: node.location, scope: scope)
            return .equals(node.jsonValue)
        }
        guard let reader = MappingReader(node, allowed: ["matches", "present", "absent", "equals"], context: "header '\(name)'", sink: sink) else {
            return nil
        }
        if let pattern = reader.string("matches") {
            if (try? Regex(pattern.value)) == nil { sink.error("invalid regular expression '\(pattern.value)'", at: pattern.location) }
            return .matches(pattern.value)
        }
        if reader.has("present") { return .present }
        if reader.has("absent") { return .absent }
        if let equals = reader.node("equals") {
            checkVariables(in: equals.jsonValue, at: equals.location, scope: scope)
            return .equals(equals.jsonValue)
        }
        sink.error("header '\(name)' needs one of matches, present, absent, equals", at: node.location)
        return nil
    }

    func checkStatus(_ node: YAMLNode, scope: Scope) {
        let items = node.sequence ?? [node]
        for item in items {
            switch item.jsonValue {
            case .number(let number) where number.int64.map({ (100...599).contains($0) }) == true: continue
            case .string(let text) where Template.wholeReference(text) != nil:
                checkVariables(in: text, at: item.location, scope: scope)
            case .string(let text) where text.count == 3 && text.hasSuffix("xx") && "12345".contains(text.first ?? " "): continue
            default: sink.error("status must be a code 100–599, a class like '4xx', or a ${policy…} variable", at: item.location)
            }
        }
    }

    func pointer(_ node: YAMLNode) -> JSONPointer? {
        guard let text = node.string, let pointer = JSONPointer(text) else {
            sink.error("'\(node.string ?? node.kindName)' is not a JSON pointer (RFC 6901: '/a/b')", at: node.location)
            return nil
        }
        return pointer
    }

    func pointers(_ nodes: [YAMLNode]?) -> [Located<JSONPointer>] {
        (nodes ?? []).compactMap { node in pointer(node).map { Located($0, at: node.location) } }
    }
}
