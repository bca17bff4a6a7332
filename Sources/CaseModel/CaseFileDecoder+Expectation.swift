import JSONShape

/// The `expect:` block of a step: every key checked, every pointer and variable validated.
extension CaseFileDecoder {
    /// Keys are read in `Assertion.Keyword` order, which is the order the checker evaluates them
    /// in; the `switch` is exhaustive, so a new keyword cannot be accepted here and then ignored.
    func decodeExpectation(_ node: YAMLNode, scope: Scope) -> Expectation {
        var expectation = Expectation()
        let keys = Assertion.Keyword.allCases.map(\.rawValue)
        guard let reader = MappingReader(node, allowed: keys, context: "expect", sink: sink) else { return expectation }
        for keyword in Assertion.Keyword.allCases {
            guard let value = reader.node(keyword.rawValue) else { continue }
            switch keyword {
            case .status:
                checkStatus(value, scope: scope)
                expectation.status = Located(value.jsonValue, at: value.location)
            case .errorShape:
                guard let errorShape = reader.string("errorShape") else { continue }
                if errorShape.value != "none" { checkShape(errorShape) }
                expectation.errorShape = errorShape
            case .headers:
                for (key, value) in reader.mappingPairs("headers") ?? [] {
                    guard let name = key.string else { continue }
                    if let rule = decodeHeaderRule(value, name: name, scope: scope) {
                        expectation.assertions.append(.header(HeaderExpectation(name: name, rule: rule, location: value.location)))
                    }
                }
            case .body:
                guard let body = reader.string("body") else { continue }
                if body.value == "empty" {
                    expectation.assertions.append(.bodyEmpty(body.location))
                } else {
                    sink.error("'body' only takes 'empty'", at: body.location)
                }
            case .shape:
                guard let shape = reader.string("shape") else { continue }
                checkShape(shape)
                expectation.assertions.append(.shape(shape))
            case .json:
                checkVariables(in: value.jsonValue, at: value.location, scope: scope)
                expectation.assertions.append(.json(Located(value.jsonValue, at: value.location)))
            case .at:
                expectation.assertions += pointerMap(reader, keyword, scope: scope).map { Assertion.at($0, $1) }
            case .later:
                expectation.assertions += pointerMap(reader, keyword, scope: scope).map { Assertion.later($0, than: $1) }
            case .notEarlier:
                expectation.assertions += pointerMap(reader, keyword, scope: scope).map { Assertion.notEarlier($0, than: $1) }
            case .present:
                expectation.assertions += pointers(reader.list("present")).map(Assertion.present)
            case .absent:
                expectation.assertions += pointers(reader.list("absent")).map(Assertion.absent)
            case .null:
                expectation.assertions += pointers(reader.list("null")).map(Assertion.null)
            case .unchanged:
                if let unchanged = decodeUnchanged(value, scope: scope) { expectation.assertions.append(.unchanged(unchanged)) }
            case .contains:
                expectation.assertions += decodeMembership(value, key: "contains", scope: scope).map(Assertion.contains)
            case .notContains:
                expectation.assertions += decodeMembership(value, key: "notContains", scope: scope).map(Assertion.notContains)
            case .listEntry:
                if let entry = decodeListEntry(value, scope: scope) { expectation.assertions.append(.listEntry(entry)) }
            }
        }
        return expectation
    }

    /// `at`, `later`, `notEarlier`: a map from pointer to a (template) value.
    private func pointerMap(_ reader: MappingReader, _ keyword: Assertion.Keyword, scope: Scope) -> [(JSONPointer, Located<JSONValue>)] {
        (reader.mappingPairs(keyword.rawValue) ?? []).compactMap { key, value in
            guard let pointer = pointer(key) else { return nil }
            checkVariables(in: value.jsonValue, at: value.location, scope: scope)
            return (pointer, Located(value.jsonValue, at: value.location))
        }
    }

    /// `unchanged: {from: SNAPSHOT, except: [pointers | server-managed]}`.
    private func decodeUnchanged(_ node: YAMLNode, scope: Scope) -> Assertion.Unchanged? {
        guard let reader = MappingReader(node, allowed: ["from", "except"], context: "unchanged", sink: sink),
            let from = reader.string("from", required: true)
        else { return nil }
        if !scope.snapshots.contains(from.value) {
            sink.error("no earlier step takes a snapshot named '\(from.value)'"
                + Suggestion.hint(for: from.value, in: scope.snapshots.sorted()), at: from.location)
        }
        let except = exceptPointers(reader)
        return Assertion.Unchanged(snapshot: from.value, except: except, location: node.location)
    }

    /// `except: [pointers | server-managed]` of `unchanged` and `listEntry`: the pointers a
    /// comparison skips, with the alias expanded.
    func exceptPointers(_ reader: MappingReader) -> [JSONPointer] {
        var except: [JSONPointer] = []
        for item in reader.stringList("except") {
            if item.value == "server-managed" {
                except += Expectation.serverManaged
            } else if let pointer = JSONPointer(item.value) {
                except.append(pointer)
            } else {
                sink.error("'\(item.value)' is not a JSON pointer or 'server-managed'", at: item.location)
            }
        }
        return except
    }

    /// `contains: {/value: {id: "${position.id}"}}`: a map from array pointer to the item an element must match.
    func decodeMembership(_ node: YAMLNode, key: String, scope: Scope) -> [Assertion.Membership] {
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
            return Assertion.Membership(array: pointer, item: entry.value.jsonValue, location: entry.value.location)
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
