/// A small, strict XML reader for CSDL documents (no FoundationXML: it is not available
/// everywhere the suite runs and pulls in libxml2).
///
/// Supports elements, attributes (single or double quotes), self-closing tags, comments,
/// processing instructions including the XML declaration, CDATA, the five predefined entities
/// and numeric character references. DOCTYPE declarations are refused (CSDL never needs them,
/// and they are the door to entity expansion attacks). Every error names the line and column.
struct XMLReader {
    static func parse(_ text: String, file: String) throws(ShapeError) -> XMLElementNode {
        var reader = XMLReader(bytes: Array(text.utf8), file: file)
        return try reader.document()
    }

    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line = 1
    private var column = 1

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    private mutating func document() throws(ShapeError) -> XMLElementNode {
        var root: XMLElementNode?
        while true {
            skipWhitespace()
            guard offset < bytes.count else { break }
            if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<!") {
                throw error("DOCTYPE and other declarations are not supported")
            } else if peek() == UInt8(ascii: "<") {
                guard root == nil else { throw error("a second root element; an XML document has exactly one") }
                root = try element()
            } else {
                throw error("text outside the root element")
            }
        }
        guard let root else { throw error("no root element") }
        return root
    }

    /// Parses from `<` of a start tag through its end tag (or `/>`).
    private mutating func element() throws(ShapeError) -> XMLElementNode {
        let startLine = line, startColumn = column
        advance()
        let name = try self.name(what: "element name")
        var node = XMLElementNode(name: name, attributes: [], children: [], text: "", line: startLine, column: startColumn)
        while true {
            let hadSpace = skipWhitespace()
            guard let byte = peek() else { throw error("unexpected end of input in start tag <\(name)>") }
            if byte == UInt8(ascii: "/") {
                advance()
                guard peek() == UInt8(ascii: ">") else { throw error("expected '>' after '/' in <\(name)>") }
                advance()
                return node
            }
            if byte == UInt8(ascii: ">") {
                advance()
                break
            }
            guard hadSpace else { throw error("expected whitespace, '>' or '/>' in <\(name)>") }
            let attributeLine = line, attributeColumn = column
            let attribute = try self.name(what: "attribute name")
            if node.attributes.contains(where: { $0.name == attribute }) {
                throw error("duplicate attribute '\(attribute)' in <\(name)>", line: attributeLine, column: attributeColumn)
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: "=") else { throw error("expected '=' after attribute '\(attribute)'") }
            advance()
            skipWhitespace()
            node.attributes.append((attribute, try quotedValue()))
        }
        try content(of: &node)
        return node
    }

    /// Children, text and the end tag of `node`.
    private mutating func content(of node: inout XMLElementNode) throws(ShapeError) {
        while true {
            guard let byte = peek() else { throw error("unexpected end of input: <\(node.name)> is not closed") }
            if starts(with: "</") {
                advance(2)
                let closing = try name(what: "end tag name")
                guard closing == node.name else {
                    throw error("end tag </\(closing)> does not match <\(node.name)> opened at line \(node.line)")
                }
                skipWhitespace()
                guard peek() == UInt8(ascii: ">") else { throw error("expected '>' in end tag </\(closing)>") }
                advance()
                return
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<![CDATA[") {
                advance(9)
                let start = offset
                try skip(past: "]]>", what: "CDATA section")
                node.text += String(decoding: bytes[start..<offset - 3], as: UTF8.self)
            } else if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if byte == UInt8(ascii: "<") {
                node.children.append(try element())
            } else if byte == UInt8(ascii: "&") {
                node.text += try entity()
            } else {
                let start = offset
                while let next = peek(), next != UInt8(ascii: "<"), next != UInt8(ascii: "&") { advance() }
                node.text += String(decoding: bytes[start..<offset], as: UTF8.self)
            }
        }
    }

    private mutating func quotedValue() throws(ShapeError) -> String {
        guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw error("expected a quoted attribute value")
        }
        advance()
        var value = ""
        while true {
            guard let byte = peek() else { throw error("unexpected end of input in attribute value") }
            if byte == quote {
                advance()
                return value
            }
            if byte == UInt8(ascii: "<") { throw error("'<' is not allowed in an attribute value") }
            if byte == UInt8(ascii: "&") {
                value += try entity()
                continue
            }
            let start = offset
            while let next = peek(), next != quote, next != UInt8(ascii: "<"), next != UInt8(ascii: "&") { advance() }
            value += String(decoding: bytes[start..<offset], as: UTF8.self)
        }
    }

    /// Decodes `&name;` or `&#N;`/`&#xH;` starting at `&`.
    private mutating func entity() throws(ShapeError) -> String {
        let startLine = line, startColumn = column
        advance()
        let start = offset
        while let byte = peek(), byte != UInt8(ascii: ";") {
            guard offset - start < 10, byte != UInt8(ascii: "<"), !isWhitespace(byte) else {
                throw error("unterminated entity reference", line: startLine, column: startColumn)
            }
            advance()
        }
        guard peek() == UInt8(ascii: ";") else { throw error("unterminated entity reference", line: startLine, column: startColumn) }
        let name = String(decoding: bytes[start..<offset], as: UTF8.self)
        advance()
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        var code: UInt32?
        if name.hasPrefix("#x") {
            code = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            code = UInt32(name.dropFirst(), radix: 10)
        }
        guard let code, let scalar = Unicode.Scalar(code) else {
            throw error("unknown entity '&\(name);'", line: startLine, column: startColumn)
        }
        return String(Character(scalar))
    }

    private mutating func name(what: String) throws(ShapeError) -> String {
        let start = offset
        while let byte = peek(), isNameByte(byte) { advance() }
        guard offset > start, let first = bytes.dropFirst(start).first, !(0x30...0x39).contains(first),
            first != UInt8(ascii: "-"), first != UInt8(ascii: ".")
        else { throw error("expected \(what)") }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func skip(past terminator: String, what: String) throws(ShapeError) {
        let startLine = line, startColumn = column
        let pattern = Array(terminator.utf8)
        while offset < bytes.count {
            if starts(with: terminator) {
                advance(pattern.count)
                return
            }
            advance()
        }
        throw error("unterminated \(what)", line: startLine, column: startColumn)
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = offset
        while let byte = peek(), isWhitespace(byte) { advance() }
        return offset > start
    }

    private func starts(with text: String) -> Bool {
        var index = offset
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Moves on, keeping line and column (columns count characters, not UTF-8 bytes).
    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
            true
        default:
            false
        }
    }

    private func error(_ message: String, line: Int? = nil, column: Int? = nil) -> ShapeError {
        ShapeError(
            message: "malformed XML: \(message)",
            location: SourceLocation(file: file, line: line ?? self.line, column: column ?? self.column))
    }
}
