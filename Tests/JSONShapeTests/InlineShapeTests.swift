import JSONShape
import Testing

struct InlineShapeTests {
    static let errorSpec = #"""
    {
      "type": "object", "required": ["error"], "open": true,
      "properties": {
        "error": {
          "type": "object", "open": true, "required": ["code", "message"],
          "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "target": {"type": "string", "nullable": true},
            "details": {"type": "array", "items": {"type": "object", "open": true}},
            "innerError": {"type": "object", "open": true, "properties": {
              "date": {"type": "string"}, "request-id": {"type": "string"}, "client-request-id": {"type": "string"}}}
          }
        }
      }
    }
    """#

    static let file = "cases/errors.yaml"

    static let registry: ShapeRegistry = {
        do {
            return try ShapeRegistry()
                .registering(name: "graph.error", spec: Support.json(errorSpec), location: SourceLocation(file: file, line: 2, column: 3))
                .registering(
                    name: "misc",
                    spec: Support.json(#"""
                    {"type": "object", "properties": {
                      "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2},
                      "count": {"type": "integer"},
                      "ratio": {"type": "number"},
                      "when": {"type": "string", "format": "date-time"},
                      "day": {"format": "date"},
                      "uid": {"type": "string", "format": "guid"},
                      "small": {"type": "integer", "format": "int32"},
                      "colour": {"enum": ["red", "green", 1]},
                      "either": {"type": ["string", "null"]},
                      "anything": {"type": "any"},
                      "position": {"ref": "microsoft.graph.workPosition", "nullable": true}
                    }}
                    """#),
                    location: SourceLocation(file: file, line: 40, column: 3))
                .registering(name: "a", spec: ["ref": "b"], location: nil)
                .registering(name: "b", spec: ["ref": "a"], location: nil)
                .addingCSDL(Support.contractText, file: Support.contractPath)  // after: refs resolve lazily
        } catch {
            fatalError("\(error)")
        }
    }()

    struct Row: NamedRow {
        var name: String
        var shape: String
        var json: String
        var policy = ShapePolicy()
        var expected: [String]
    }

    static let rows: [Row] = [
        Row(name: "error body conforms", shape: "graph.error",
            json: #"{"error":{"code":"itemNotFound","message":"Not found","innerError":{"date":"2020-09-11T11:21:34","request-id":"r","extra":1}}}"#,
            policy: ShapePolicy(extraProperties: .reject), expected: []),
        Row(name: "error body missing members", shape: "graph.error", json: #"{"error":{"code":1}}"#,
            expected: ["/error/code: expected string, got 1", "/error/message: expected string (required), got absent"]),
        Row(name: "error member missing", shape: "graph.error", json: #"{}"#,
            expected: ["/error: expected object (required), got absent"]),
        Row(name: "nullable target, non-nullable code", shape: "graph.error",
            json: #"{"error":{"code":null,"message":"m","target":null,"details":[{"code":"x"},3]}}"#,
            expected: ["/error/code: expected string, got null", "/error/details/1: expected object, got 3"]),
        Row(name: "closed inline shape under warn", shape: "misc", json: #"{"count":1,"bogus":true}"#,
            policy: ShapePolicy(extraProperties: .warn), expected: ["/bogus: expected no undeclared member on this shape, got true"]),
        Row(name: "kinds, formats, enum and item counts accepted", shape: "misc",
            json: #"{"tags":["a"],"count":3,"ratio":3,"when":"2020-07-06T06:34:12Z","day":"2020-02-29","uid":"01234567-89ab-cdef-0123-456789abcdef","small":7,"colour":1.0,"either":null,"anything":null,"position":null}"#,
            expected: []),
        Row(name: "kinds, formats, enum and item counts rejected", shape: "misc",
            json: #"{"tags":[],"count":1.5,"ratio":"1","when":"2020-07-06","day":"2019-02-29","uid":"x","small":3000000000,"colour":"blue","either":1,"position":{"id":7}}"#,
            expected: [
                "/tags: expected at least 1 items, got 0 items",
                "/count: expected integer, got 1.5",
                #"/ratio: expected number, got "1""#,
                #"/when: expected string, Edm.DateTimeOffset (YYYY-MM-DDThh:mm:ss[.fffffff]Z or ±hh:mm), got "2020-07-06""#,
                #"/day: expected Edm.Date (YYYY-MM-DD), got "2019-02-29""#,
                #"/uid: expected string, Edm.Guid (8-4-4-4-12 hex digits), got "x""#,
                "/small: expected integer, Edm.Int32 (integer literal -2147483648…2147483647), got 3000000000 (out of range)",
                #"/colour: expected one of "red", "green", 1, got "blue""#,
                "/either: expected string or null, got 1",
                "/position/id: expected Edm.String (string), got 7",
            ]),
        Row(name: "too many items and wrong item kind", shape: "misc", json: #"{"tags":["a",2,"c"]}"#,
            expected: ["/tags: expected at most 2 items, got 3 items", "/tags/1: expected string, got 2"]),
        Row(name: "ref cycle reported, not looped", shape: "a", json: "1",
            expected: ["(root): expected a value for a, got 1 (circular reference a → b → a)"]),
    ]

    @Test(arguments: rows)
    func validation(_ row: Row) {
        let mismatches = Self.registry.validate(Support.json(row.json), against: row.shape, policy: row.policy)
        #expect(mismatches.map(\.description) == row.expected)
    }

    @Test func mismatchCarriesTheInlineLocation() {
        let mismatch = Self.registry.validate(Support.json(#"{"error":{"code":1,"message":"m"}}"#), against: "graph.error").first
        #expect(mismatch?.shapeLocation?.description == "cases/errors.yaml:2:3")
    }

    @Test func locatorGivesNestedLines() throws {
        let code = JSONPointer(tokens: ["properties", "code"])
        let registry = try ShapeRegistry().registering(
            name: "e", spec: Support.json(#"{"type":"object","properties":{"code":{"type":"string"}}}"#),
            location: SourceLocation(file: "c.yaml", line: 10),
            locate: { $0 == code ? SourceLocation(file: "c.yaml", line: 12, column: 7) : nil })
        let mismatch = registry.validate(["code": 5], against: "e").first
        #expect(mismatch?.shapeLocation == SourceLocation(file: "c.yaml", line: 12, column: 7))
    }

    struct SpecError: NamedRow {
        var name: String
        var spec: String
        var message: String
    }

    @Test(arguments: [
        SpecError(name: "misspelt key", spec: #"{"type":"object","requried":["a"]}"#,
                  message: "shape 's' at /requried: unknown key 'requried' in shape spec (did you mean 'required'?)"),
        SpecError(name: "unknown key far from any", spec: #"{"pattern":"x"}"#,
                  message: "shape 's' at /pattern: unknown key 'pattern' in shape spec"),
        SpecError(name: "nested misspelt key", spec: #"{"properties":{"a":{"tpye":"string"}}}"#,
                  message: "shape 's' at /properties/a/tpye: unknown key 'tpye' in shape spec (did you mean 'type'?)"),
        SpecError(name: "misspelt type", spec: #"{"type":"strng"}"#,
                  message: #"shape 's' at /type: 'type' must be one of object, array, string, number, integer, boolean, null, any, got "strng" (did you mean 'string'?)"#),
        SpecError(name: "ref with properties", spec: #"{"ref":"x","properties":{}}"#,
                  message: "shape 's' at /properties: 'ref' cannot be combined with 'properties'"),
        SpecError(name: "negative minItems", spec: #"{"minItems":-1}"#,
                  message: "shape 's' at /minItems: 'minItems' must be a non-negative integer"),
        SpecError(name: "unknown format", spec: #"{"format":"datetime"}"#,
                  message: #"shape 's' at /format: 'format' must be one of date, date-time, guid, int32, got "datetime""#),
        SpecError(name: "spec not a mapping", spec: #""string""#,
                  message: "shape 's' at (root): a shape spec must be a mapping, got string"),
        SpecError(name: "required not names", spec: #"{"required":[1]}"#,
                  message: "shape 's' at /required: 'required' must be a list of member names"),
        SpecError(name: "open not boolean", spec: #"{"open":"yes"}"#,
                  message: "shape 's' at /open: 'open' must be true or false"),
    ])
    func specErrors(_ row: SpecError) {
        let location = SourceLocation(file: "cases/x.yaml", line: 7, column: 5)
        do {
            _ = try ShapeRegistry().registering(name: "s", spec: Support.json(row.spec), location: location)
            Issue.record("accepted \(row.name)")
        } catch {
            #expect(error.message == row.message)
            #expect(error.location == location)
            #expect(error.description == "cases/x.yaml:7:5: error: " + row.message)
        }
    }

    @Test func duplicateNamesRejected() throws {
        #expect(throws: ShapeError.self) { try Self.registry.registering(name: "misc", spec: [:], location: nil) }
        #expect(throws: ShapeError.self) { try Self.registry.registering(name: "Edm.String", spec: [:], location: nil) }
        #expect(throws: ShapeError.self) { try Self.registry.addingCSDL(Support.contractText, file: "again.xml") }
    }

    @Test func unresolvedReferencesForLint() throws {
        let registry = try ShapeRegistry().registering(
            name: "list", spec: Support.json(#"{"properties":{"value":{"items":{"ref":"microsoft.graph.workPosition"}},"x":{"ref":"Edm.Date"}}}"#),
            location: SourceLocation(file: "l.yaml", line: 1))
        let dangling = registry.unresolvedReferences()
        #expect(dangling.map { "\($0.shape) \($0.reference) \($0.location?.description ?? "-")" } == ["list microsoft.graph.workPosition l.yaml:1:1"])
        let resolved = try registry.addingCSDL(Support.contractText, file: Support.contractPath)
        #expect(resolved.unresolvedReferences().isEmpty)
        #expect(Self.registry.unresolvedReferences().isEmpty)
    }
}
