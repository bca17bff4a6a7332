/// A strict RFC 8259 reader over raw bytes.
///
/// Errors carry the byte offset (and line/column) so a bad response or case body can be pointed
/// at exactly; nesting is bounded so hostile input cannot exhaust the stack; duplicate member names
/// are legal JSON but ambiguous, so they are collected instead of silently dropped.
public struct JSONParser {
    public struct Result: Sendable {
        public var value: JSONValue
        /// Pointers of objects in which a member name occurred more than once, with the name.
        public var duplicateKeys: [(object: JSONPointer, key: String)]
    }

    public static let defaultMaxDepth = 256

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> Result {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> Result {
        // The parser reads through a buffer pointer valid only inside this closure: no bounds
        // check per byte beyond its own end test.
        let outcome: Swift.Result<Result, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            do throws(JSONParseError) {
                parser.skipWhitespace()
                if parser.offset == buffer.count { throw parser.error("empty document: expected a JSON value") }
                let value = try parser.parseValue(depth: 0)
                parser.skipWhitespace()
                if parser.offset != buffer.count { throw parser.error("unexpected data after the JSON value") }
                return .success(Result(value: value, duplicateKeys: parser.duplicates))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Convenience for callers that only want the value.
    public static func value(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try parse(bytes).value
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var offset = 0
    private var duplicates: [(object: JSONPointer, key: String)] = []
    /// Tokens of the value being parsed; a `JSONPointer` is only built for a duplicate key
    /// (building one per value, `pointer.appending`, was a third of the parse time).
    private var path: [String] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        guard let byte = peek() else { throw error("unexpected end of input: expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character \(describe(byte)): expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        offset += 1
        var members: [(key: String, value: JSONValue)] = []
        // Small objects (nearly all of them) look for a repeated name by scanning their members;
        // a Set, hashing every name, only pays off for larger ones.
        var seen: Set<String>?
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let key = try parseString()
            let repeated: Bool
            if members.count < 16 {
                repeated = members.contains { $0.key == key }
            } else {
                var names = seen ?? Set(members.map(\.key))
                repeated = !names.insert(key).inserted
                seen = names
            }
            if repeated { duplicates.append((JSONPointer(tokens: path), key)) }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
            offset += 1
            skipWhitespace()
            path.append(key)
            let value = try parseValue(depth: depth + 1)
            path.removeLast()
            members.append((key, value))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; return .object(JSONObject(members))
            case nil: throw error("unexpected end of input: unterminated object")
            default: throw error("expected ',' or '}' in object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            path.append(String(elements.count))
            elements.append(try parseValue(depth: depth + 1))
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; return .array(elements)
            case nil: throw error("unexpected end of input: unterminated array")
            default: throw error("expected ',' or ']' in array")
            }
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        // Fast path: a run of plain bytes up to the closing quote becomes the string at once,
        // validated as UTF-8 in one pass (byte-by-byte appending was most of the parse time).
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let end = offset
                offset += 1
                guard let text = UTF8Text.validated(UnsafeBufferPointer(rebasing: bytes[start..<end])) else {
                    throw error("string is not valid UTF-8")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            offset += 1
        }
        // Escapes or a control character: byte by byte from here, with the plain prefix kept.
        var scalars = Array(bytes[start..<offset])
        while true {
            guard let byte = peek() else { throw error("unexpected end of input: unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = UTF8Text.validated(scalars) else {
                    throw error("string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try parseEscape(into: &scalars)
            case 0..<0x20:
                throw error("unescaped control character \(describe(byte)) in string")
            default:
                scalars.append(byte)
                offset += 1
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        guard let byte = peek() else { throw error("unexpected end of input in escape") }
        offset += 1
        // A switch, not a dictionary literal: that was built anew for every escape.
        let simple: UInt8? = switch byte {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let replacement = simple {
            buffer.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw error("invalid escape \\\(describe(byte))") }
        var code = try parseHex4()
        if (0xD800..<0xDC00).contains(code) {
            // A high surrogate must be followed by an escaped low surrogate.
            guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw error("lone high surrogate in \\u escape")
            }
            offset += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in \\u escape") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
            throw error("lone low surrogate in \\u escape")
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("invalid code point in \\u escape") }
        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else { throw error("expected 4 hex digits in \\u escape") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = offset
        if peek() == UInt8(ascii: "-") { offset += 1 }
        guard let first = peek(), isDigit(first) else { throw error("expected a digit in number") }
        if first == UInt8(ascii: "0") {
            offset += 1
            if let next = peek(), isDigit(next) { throw error("leading zero in number") }
        } else {
            while let byte = peek(), isDigit(byte) { offset += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            guard let byte = peek(), isDigit(byte) else { throw error("expected a digit after '.'") }
            while let byte = peek(), isDigit(byte) { offset += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            guard let byte = peek(), isDigit(byte) else { throw error("expected a digit in exponent") }
            while let byte = peek(), isDigit(byte) { offset += 1 }
        }
        return JSONNumber(literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONParseError) {
        for expected in literal.utf8 {
            guard peek() == expected else { throw error("invalid literal: expected '\(literal)'") }
            offset += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// Line and column of `offset`: newlines counted in one tight pass, then the characters
    /// (UTF-8 lead bytes) after the last one. Over a 4 MiB body the slice-iterating loop this
    /// replaces was most of the cost of refusing it.
    private func error(_ message: String) -> JSONParseError {
        let end = min(offset, bytes.count)
        var line = 1, lineStart = 0, column = 1
        // Plain loops over the base pointer: the `for … where` form compiled to a generic Int
        // comparison per byte, and this is a third of the cost of refusing a 4 MiB string.
        if let base = bytes.baseAddress {
            var index = 0
            while index < end {
                if base[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            index = lineStart
            while index < end {
                column += base[index] & 0xC0 != 0x80 ? 1 : 0
                index += 1
            }
        }
        return JSONParseError(message: message, offset: offset, line: line, column: column)
    }
}

/// Why a document is not JSON, and where (0-based byte offset, 1-based line and column).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public var description: String { "invalid JSON at byte \(offset) (line \(line), column \(column)): \(message)" }
}
