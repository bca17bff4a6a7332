import JSONShape
import Testing

struct JSONPointerTests {
    /// The document of RFC 6901 §5, written out.
    static let document: JSONValue = Support.json(#"""
    {
      "foo": ["bar", "baz"],
      "": 0,
      "a/b": 1,
      "c%d": 2,
      "e^f": 3,
      "g|h": 4,
      "i\\j": 5,
      "k\"l": 6,
      " ": 7,
      "m~n": 8
    }
    """#)

    struct Lookup: NamedRow {
        var name: String
        var pointer: String
        var value: JSONValue?
    }

    static let lookupRows: [Lookup] = [
        Lookup(name: "whole document", pointer: "", value: document),
        Lookup(name: "/foo", pointer: "/foo", value: ["bar", "baz"]),
        Lookup(name: "/foo/0", pointer: "/foo/0", value: "bar"),
        Lookup(name: "empty key", pointer: "/", value: 0),
        Lookup(name: "~1 is slash", pointer: "/a~1b", value: 1),
        Lookup(name: "percent", pointer: "/c%d", value: 2),
        Lookup(name: "caret", pointer: "/e^f", value: 3),
        Lookup(name: "pipe", pointer: "/g|h", value: 4),
        Lookup(name: "backslash", pointer: #"/i\j"#, value: 5),
        Lookup(name: "quote", pointer: #"/k"l"#, value: 6),
        Lookup(name: "space", pointer: "/ ", value: 7),
        Lookup(name: "~0 is tilde", pointer: "/m~0n", value: 8),
        Lookup(name: "index with leading zero", pointer: "/foo/01", value: nil),
        Lookup(name: "dash past the end", pointer: "/foo/-", value: nil),
        Lookup(name: "index out of range", pointer: "/foo/2", value: nil),
        Lookup(name: "through a scalar", pointer: "/foo/0/x", value: nil),
        Lookup(name: "missing member", pointer: "/nope", value: nil),
    ]

    @Test(arguments: lookupRows)
    func lookup(_ row: Lookup) throws {
        let pointer = try #require(JSONPointer(row.pointer))
        #expect(Self.document.value(at: pointer) == row.value)
        #expect(pointer.description == row.pointer)
    }

    struct Invalid: NamedRow {
        var name: String
        var text: String
    }

    @Test(arguments: [
        Invalid(name: "no leading slash", text: "foo"),
        Invalid(name: "~2", text: "/~2"),
        Invalid(name: "tilde at end", text: "/a~"),
        Invalid(name: "tilde before combining mark", text: "/~\u{301}"),
    ])
    func invalid(_ row: Invalid) {
        #expect(JSONPointer(row.text) == nil)
    }

    struct Escape: NamedRow {
        var name: String
        var tokens: [String]
        var text: String
    }

    @Test(arguments: [
        Escape(name: "~01 is ~1, not /", tokens: ["~1"], text: "/~01"),
        Escape(name: "slash and tilde", tokens: ["a/b", "m~n"], text: "/a~1b/m~0n"),
        Escape(name: "tilde then combining mark", tokens: ["~\u{301}"], text: "/~0\u{301}"),
        Escape(name: "slash then combining mark", tokens: ["a/\u{301}"], text: "/a~1\u{301}"),
        Escape(name: "empty tokens", tokens: ["", ""], text: "//"),
    ])
    func escapes(_ row: Escape) throws {
        #expect(JSONPointer(tokens: row.tokens).description.unicodeScalars.elementsEqual(row.text.unicodeScalars))
        let parsed = try #require(JSONPointer(row.text))
        #expect(parsed.tokens.map { Array($0.unicodeScalars) } == row.tokens.map { Array($0.unicodeScalars) })
    }
}
