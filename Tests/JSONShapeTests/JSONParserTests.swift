import JSONShape
import Testing

struct JSONParserTests {
    struct Reject: NamedRow {
        var name: String
        var text: String
        var message: String
        var offset: Int
        var line = 1
        var column: Int? = nil
    }

    static let rejectRows: [Reject] = [
        Reject(name: "empty document", text: "", message: "empty document: expected a JSON value", offset: 0),
        Reject(name: "leading zero", text: "01", message: "leading zero in number", offset: 1),
        Reject(name: "negative leading zero", text: "[-01]", message: "leading zero in number", offset: 3),
        Reject(name: "lone high surrogate", text: #""\ud800""#, message: "lone high surrogate in \\u escape", offset: 7),
        Reject(name: "high surrogate then non-surrogate", text: #""\ud800\u0041""#, message: "invalid low surrogate in \\u escape", offset: 13),
        Reject(name: "lone low surrogate", text: #""\udc00""#, message: "lone low surrogate in \\u escape", offset: 7),
        Reject(name: "raw control character", text: "\"a\u{01}b\"", message: "unescaped control character byte 0x1 in string", offset: 2),
        Reject(name: "raw newline in string", text: "\"a\nb\"", message: "unescaped control character byte 0xA in string", offset: 2),
        Reject(name: "trailing data", text: "{} x", message: "unexpected data after the JSON value", offset: 3),
        Reject(name: "two documents", text: "1 2", message: "unexpected data after the JSON value", offset: 2),
        Reject(name: "trailing comma", text: "[1,]", message: "unexpected character ']': expected a value", offset: 3),
        Reject(name: "missing colon", text: #"{"a" 1}"#, message: "expected ':' after member name", offset: 5),
        Reject(name: "single quotes", text: "{'a':1}", message: "expected a member name in double quotes", offset: 1),
        Reject(name: "bad escape", text: #""\x""#, message: "invalid escape \\'x'", offset: 3),
        Reject(name: "unterminated string", text: #""abc"#, message: "unexpected end of input: unterminated string", offset: 4),
        Reject(name: "fraction without digits", text: "1.", message: "expected a digit after '.'", offset: 2),
        Reject(name: "NaN literal", text: "NaN", message: "unexpected character 'N': expected a value", offset: 0),
        Reject(name: "10,000 levels of nesting", text: String(repeating: "[", count: 10_000),
               message: "nesting deeper than 256 levels", offset: 257),
        Reject(name: "line and column on line 2", text: "{\n  \"a\": tru\n}", message: "invalid literal: expected 'true'",
               offset: 12, line: 2, column: 11),
    ]

    @Test(arguments: rejectRows)
    func rejects(_ row: Reject) {
        do {
            _ = try JSONParser.parse(row.text)
            Issue.record("accepted \(row.name)")
        } catch {
            #expect(error.message == row.message)
            #expect(error.offset == row.offset)
            #expect(error.line == row.line)
            if let column = row.column { #expect(error.column == column) }
        }
    }

    struct Accept: NamedRow {
        var name: String
        var text: String
        var value: JSONValue
        var typeName: String
        var literal: String? = nil
    }

    static let acceptRows: [Accept] = [
        Accept(name: "big integer kept exactly", text: "12345678901234567890",
               value: .number(JSONNumber(literal: "12345678901234567890")), typeName: "integer", literal: "12345678901234567890"),
        Accept(name: "1 is an integer", text: "1", value: 1, typeName: "integer", literal: "1"),
        Accept(name: "1.0 is a number", text: "1.0", value: .number(JSONNumber(literal: "1.0")), typeName: "number", literal: "1.0"),
        Accept(name: "exponent is a number", text: "1e3", value: .number(JSONNumber(literal: "1e3")), typeName: "number", literal: "1e3"),
        Accept(name: "negative zero", text: "-0", value: 0, typeName: "integer", literal: "-0"),
        Accept(name: "surrogate pair", text: #""\ud83d\ude00""#, value: "😀", typeName: "string"),
        Accept(name: "escapes", text: #""\"\\\/\b\f\n\r\t""#, value: "\"\\/\u{08}\u{0C}\n\r\t", typeName: "string"),
        Accept(name: "whitespace around", text: " \n\t{ \"a\" : [ true , null ] }\r\n", value: ["a": [true, nil]], typeName: "object"),
        Accept(name: "256 levels of nesting", text: String(repeating: "[", count: 256) + String(repeating: "]", count: 256),
               value: (0..<255).reduce(JSONValue.array([])) { inner, _ in .array([inner]) }, typeName: "array"),
    ]

    @Test(arguments: acceptRows)
    func accepts(_ row: Accept) throws {
        let value = try JSONParser.parse(row.text).value
        #expect(value == row.value)
        #expect(value.typeName == row.typeName)
        if let literal = row.literal { #expect(value.numberValue?.literal == literal) }
    }

    @Test func duplicateKeysReportedWithPointer() throws {
        let result = try JSONParser.parse(#"{"a":1,"b":{"c":1,"c":2},"a":3,"d/e":{"x":0,"x":1}}"#)
        let found = result.duplicateKeys.map { "\($0.object.displayText) \($0.key)" }
        #expect(found == ["/b c", "(root) a", "/d~1e x"])
        #expect(result.value["a"] == 3)
    }

    @Test func bigIntegersCompareExactly() {
        let a = JSONValue.number(JSONNumber(literal: "12345678901234567890"))
        let b = JSONValue.number(JSONNumber(literal: "12345678901234567891"))
        #expect(a != b)
        #expect(a == .number(JSONNumber(literal: "12345678901234567890")))
        #expect(JSONValue.int(1) == .number(JSONNumber(literal: "1.0")))
    }

    @Test func excerptStaysWithinLimit() {
        let long = JSONValue.string(String(repeating: "é", count: 200))
        #expect(long.excerpt().count == 80)
        #expect(long.excerpt().hasSuffix("…"))
        #expect(JSONValue.string("short").excerpt() == "\"short\"")
    }
}
