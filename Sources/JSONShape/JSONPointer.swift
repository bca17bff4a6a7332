/// An RFC 6901 JSON pointer: the "where" of every diagnostic.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
    public private(set) var tokens: [String]

    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses `/a/b~1c/0`; the empty string is the root. Fails on text not starting with `/`
    /// or with a `~` that is not `~0`/`~1` (RFC 6901 §3).
    public init?(_ text: String) {
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var parsed: [String] = []
        // Work on Unicode scalars, not Characters: "~" or "/" followed by a combining mark is one
        // Character, which would hide the escape or the separator from the checks below.
        for raw in text.unicodeScalars.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = String.UnicodeScalarView()
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: return nil
                }
            }
            parsed.append(String(token))
        }
        tokens = parsed
    }

    public func appending(_ key: String) -> JSONPointer {
        var extended = tokens  // one allocation, where `tokens + [key]` made two
        extended.append(key)
        return JSONPointer(tokens: extended)
    }

    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    public var isRoot: Bool { tokens.isEmpty }

    /// True when `self` is `other` or lies inside it.
    public func hasPrefix(_ other: JSONPointer) -> Bool {
        tokens.count >= other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    public var description: String {
        tokens.map { "/" + $0.replacingTildes() }.joined()
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}

extension String {
    fileprivate func replacingTildes() -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "~": result.append(contentsOf: "~0".unicodeScalars)
            case "/": result.append(contentsOf: "~1".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}

extension JSONValue {
    /// The value a pointer designates, or nil when it designates nothing.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), String(index) == token, elements.indices.contains(index) else {
                    return nil
                }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Sets the value at a pointer, creating intermediate objects; used by the mock and by tests
    /// that build bodies. Returns false when the path runs through a scalar or a bad index.
    @discardableResult
    public mutating func set(_ newValue: JSONValue?, at pointer: JSONPointer) -> Bool {
        guard let first = pointer.tokens.first else {
            self = newValue ?? .null
            return true
        }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            if rest.isRoot {
                object[first] = newValue
            } else {
                var child = object[first] ?? .object(JSONObject())
                guard child.set(newValue, at: rest) else { return false }
                object[first] = child
            }
            self = .object(object)
            return true
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return false }
            if rest.isRoot {
                if let newValue { elements[index] = newValue } else { elements.remove(at: index) }
            } else {
                guard elements[index].set(newValue, at: rest) else { return false }
            }
            self = .array(elements)
            return true
        default:
            return false
        }
    }
}
