import Foundation
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

    @Test func duplicateKeysFoundInLargeObjects() throws {
        // Past 16 members the parser switches from scanning to a set; both must find repeats.
        let members = (0..<20).map { "\"k\($0)\":\($0)" } + ["\"k3\":99", "\"k19\":98", "\"k20\":1"]
        let result = try JSONParser.parse("{" + members.joined(separator: ",") + "}")
        #expect(result.duplicateKeys.map(\.key) == ["k3", "k19"])
        #expect(result.value["k3"] == 99)
    }

    @Test(arguments: [
        ("plain", [0x22, 0xC3, 0x28, 0x22], 4),
        ("after an escape", [0x22, 0x5C, 0x6E, 0xFF, 0x22], 5),
    ] as [(String, [UInt8], Int)])
    func invalidUTF8InAStringIsRejectedAtItsEnd(name: String, bytes: [UInt8], offset: Int) {
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("\(name): parsed")
        } catch {
            #expect(error.message == "string is not valid UTF-8", "\(name)")
            #expect(error.offset == offset && error.line == 1 && error.column == offset + 1, "\(name): \(error)")
        }
    }

    /// Large bodies that are not JSON, the way a hostile or broken server sends them.
    enum Garbage: String, CaseIterable, Sendable {
        /// Random bytes inside one JSON string: scanned to the end, then refused as not UTF-8.
        case invalidUTF8String
        /// A string that never ends: scanned to the end, then line and column counted over all of it.
        case unterminatedString
        /// A long valid array with random bytes at its end.
        case garbageAfterLongArray

        func bytes(count: Int) -> [UInt8] {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            func random() -> UInt8 {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return UInt8(truncatingIfNeeded: state)
            }
            switch self {
            case .invalidUTF8String:
                return [0x22] + (0..<count - 2).map { _ in random() | 0x80 } + [0x22]
            case .unterminatedString:
                return [0x22] + (0..<count - 1).map { _ in UInt8(ascii: "a") + random() % 26 }
            case .garbageAfterLongArray:
                let prefix = Array(("[" + String(repeating: "1,\n", count: count / 6)).utf8)
                return prefix + (0..<(count - prefix.count)).map { _ in random() | 0x80 }
            }
        }
    }

    /// CPU seconds the calling thread has used (a loaded machine stretches wall time, not this).
    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The error for 4 MiB of garbage costs about four times that for 1 MiB: linear work, not a
    /// path that rescans or copies per byte. Best of three per size; the bound (10x) sits between
    /// linear (4x) and quadratic (16x).
    @Test(arguments: Garbage.allCases)
    func errorOnLargeGarbageCostsLinearTime(_ garbage: Garbage) throws {
        func cost(_ bytes: [UInt8]) throws -> (seconds: Double, error: JSONParseError) {
            var best = Double.infinity
            var caught: JSONParseError?
            for _ in 0..<3 {
                let started = Self.threadCPUSeconds()
                do {
                    _ = try JSONParser.parse(bytes)
                } catch {
                    caught = error
                }
                best = min(best, Self.threadCPUSeconds() - started)
            }
            return (best, try #require(caught, "\(garbage) parsed as JSON"))
        }
        let small = garbage.bytes(count: 1 << 20), large = garbage.bytes(count: 4 << 20)
        let (smallSeconds, smallError) = try cost(small)
        let (largeSeconds, largeError) = try cost(large)
        #expect(smallError.message == largeError.message)
        #expect(largeError.description.utf8.count < 200, "the error stays one short line: \(largeError.description.prefix(300))")
        switch garbage {
        case .invalidUTF8String, .unterminatedString: #expect(largeError.offset == large.count)
        case .garbageAfterLongArray: #expect(largeError.offset > large.count / 3 && largeError.line > 100_000)
        }
        #expect(largeSeconds < max(smallSeconds, 0.001) * 10,
                "\(garbage): 1 MiB \(smallSeconds) s, 4 MiB \(largeSeconds) s of CPU; linear work would be about 4x")
    }
}
