/// A JSON value as it travelled on the wire.
///
/// Booleans stay distinct from numbers, integer literals from fractional ones (the literal text is
/// kept, so a 20-digit id survives exactly), and object members keep their order so messages can
/// quote them as the server wrote them. Equality is JSON equality: member order does not matter.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// The JSON type name used in diagnostics ("string", "object", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var numberValue: JSONNumber? { if case .number(let value) = self { value } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    public var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }
    public var isNull: Bool { self == .null }

    /// Member lookup on objects; nil for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }
}

/// A JSON number kept as its literal, with exact integer access when it has one.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The text as written on the wire (or as rendered for values built in code).
    public let literal: String
    /// True when the literal has no fraction and no exponent.
    public let isInteger: Bool

    public init(literal: String) {
        self.literal = literal
        isInteger = !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }

    public init(_ value: Int) {
        literal = String(value)
        isInteger = true
    }

    public init(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            literal = String(Int64(value)) + ".0"
        } else {
            literal = String(value)
        }
        isInteger = false
    }

    /// The exact value when the literal is an integer that fits 64 bits.
    public var int64: Int64? { isInteger ? Int64(literal) : nil }
    public var double: Double { Double(literal) ?? .nan }
    public var description: String { literal }

    /// Numbers compare by value: `1` equals `1.0`, large integers compare exactly.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.int64, let right = rhs.int64 { return left == right }
        if lhs.literal == rhs.literal { return true }
        // Two integer literals beyond 64 bits compare digit by digit: through Double,
        // 12345678901234567890 and 12345678901234567891 would be "equal".
        if lhs.isInteger, rhs.isInteger { return lhs.canonicalInteger == rhs.canonicalInteger }
        return lhs.double == rhs.double
    }

    /// An integer literal without sign noise or leading zeros ("-0" → "0", "+7" → "7").
    private var canonicalInteger: String {
        var digits = Substring(literal)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let trimmed = digits.drop(while: { $0 == "0" })
        if trimmed.isEmpty { return "0" }
        return (negative ? "-" : "") + trimmed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(double)
    }
}

/// Object members in wire order, with lookup by key.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    /// The last member with this key wins, as in most JSON readers (duplicates are reported by the parser).
    public subscript(key: String) -> JSONValue? {
        get { members.last(where: { $0.key == key })?.value }
        set {
            if let newValue {
                if let index = members.lastIndex(where: { $0.key == key }) {
                    members[index].value = newValue
                } else {
                    members.append((key, newValue))
                }
            } else {
                members.removeAll { $0.key == key }
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }

    /// Order-insensitive equality, as JSON defines it.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        let left = lhs.deduplicated, right = rhs.deduplicated
        guard left.count == right.count else { return false }
        for (key, value) in left where right[key] != value { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(deduplicated.count)
    }

    private var deduplicated: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (key, value) in members { result[key] = value }
        return result
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
