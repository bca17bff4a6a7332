import JSONShape
import Yams

/// A YAML node that remembers where it was written, so every later error can name file:line:col.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(String, quoted: Bool)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    public var location: SourceLocation

    /// Parses one YAML document. Syntax errors and duplicate keys become diagnostics with the
    /// position libyaml reported (Yams marks are 1-based; a test pins that).
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLNode {
        if let line = aliasKeyLine(in: text) {
            // Yams hashes a mapping key fully expanded while checking duplicates, before any limit
            // of ours applies, so an alias bomb used as a key would hang the reader. Case files
            // have no use for aliases as keys; refuse them up front.
            throw Diagnostic(at: SourceLocation(file: file, line: line, column: 1),
                             "an alias (*name) used as a mapping key is not supported in case files")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file)
        } catch {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        guard let root else {
            throw Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the file is empty")
        }
        var budget = maxNodes
        return try convert(root, file: file, budget: &budget)
    }

    /// The composer expands aliases, so a few lines of nested anchors can stand for billions of
    /// nodes ("billion laughs"); reading stops at this many. Real case files have a few thousand.
    static let maxNodes = 1_000_000

    private static func convert(_ node: Node, file: String, budget: inout Int) throws(Diagnostic) -> YAMLNode {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        budget -= 1
        guard budget >= 0 else {
            throw Diagnostic(at: location, "the file expands to more than \(maxNodes) YAML nodes (nested anchors and aliases?); not reading it")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            return YAMLNode(kind: .scalar(scalar.string, quoted: quoted), location: location)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                pairs.append((key: try convert(key, file: file, budget: &budget), value: try convert(value, file: file, budget: &budget)))
            }
            return YAMLNode(kind: .mapping(pairs), location: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, file: file, budget: &budget)) }
            return YAMLNode(kind: .sequence(items), location: location)
        case .alias(let alias):
            return YAMLNode(kind: .scalar("*" + alias.anchor.rawValue, quoted: true), location: location)
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(at: at(mark), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(at: at(context.mark), "duplicate key \(names) in one mapping")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                              "invalid YAML text: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    /// Parses, reporting a syntax error to the sink instead of throwing (nil then).
    public static func parse(_ text: String, file: String, sink: DiagnosticSink) -> YAMLNode? {
        do {
            return try parse(text, file: file)
        } catch {
            sink.error(error.message, at: error.location)
            return nil
        }
    }

    /// The first line that uses an alias as a mapping key (`? *a : v`, `*a : v`), outside quotes.
    /// A plain scan, not a regular expression: every case file passes through here, and compiling
    /// a regex per line was two thirds of loading the catalogue.
    static func aliasKeyLine(in text: String) -> Int? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }  // bytes: no Foundation search over the file
        // Lines split on the LF byte: a Character split walked grapheme breaks over the whole file,
        // and "\r\n" is one Character that is not "\n", so a CRLF file was one long line.
        for (index, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(UInt8(ascii: "*")) && usesAliasAsKey(Array(unquotedPart(of: Substring(line)))) {
            return index + 1
        }
        return nil
    }

    /// The line without its quoted spans and its comment.
    private static func unquotedPart(of line: Substring) -> [Character] {
        var unquoted: [Character] = []
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            } else {
                unquoted.append(character)
            }
        }
        return unquoted
    }

    /// `? *name` (an explicit key that is an alias) or `*name :` followed by a space or the end
    /// (an implicit one), where the `?` or `*` starts the line or follows a space, `{`, `,` or `[`.
    static func usesAliasAsKey(_ line: [Character]) -> Bool {
        func startsToken(_ index: Int) -> Bool {
            index == 0 || line[index - 1].isWhitespace || "{,[".contains(line[index - 1])
        }
        func isSpaceOrEnd(_ index: Int) -> Bool { index >= line.count || line[index].isWhitespace }
        for index in line.indices where startsToken(index) {
            if line[index] == "?" {
                var next = index + 1
                while next < line.count, line[next].isWhitespace { next += 1 }
                if next > index + 1, next < line.count, line[next] == "*" { return true }
            } else if line[index] == "*" {
                // The alias name runs to a space or a flow delimiter; it may itself end in ':'.
                var end = index + 1
                while end < line.count, !line[end].isWhitespace, !",]}".contains(line[end]) { end += 1 }
                guard end > index + 1 else { continue }
                if end - index > 2, line[end - 1] == ":", isSpaceOrEnd(end) { return true }
                var colon = end
                while colon < line.count, line[colon].isWhitespace { colon += 1 }
                if colon < line.count, line[colon] == ":", isSpaceOrEnd(colon + 1) { return true }
            }
        }
        return false
    }

    // MARK: Access

    public var string: String? {
        if case .scalar(let text, _) = kind { text } else { nil }
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = kind { pairs } else { nil }
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { items } else { nil }
    }

    public var kindName: String {
        switch kind {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// The JSON value this node denotes, with YAML 1.2 core-schema scalars: plain `true`/`false`,
    /// `null`/`~`/empty, integers and decimals become JSON types; everything else and every quoted
    /// scalar stays a string (so `2019-04-01` and `no` are strings, unlike YAML 1.1).
    public var jsonValue: JSONValue {
        switch kind {
        case .scalar(let text, let quoted):
            if quoted { return .string(text) }
            return Self.plainScalar(text)
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { (key: $0.key.string ?? "", value: $0.value.jsonValue) }))
        }
    }

    static func plainScalar(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if isJSONNumber(text) { return .number(JSONNumber(literal: text)) }
        return .string(text)
    }

    private static func isJSONNumber(_ text: String) -> Bool {
        guard let first = text.first, first == "-" || first.isASCII && first.isNumber else { return false }
        guard let result = try? JSONParser.parse(text), case .number = result.value else { return false }
        return true
    }
}
