import JSONShape
import Testing

struct JSONMatchTests {
    struct Row: NamedRow {
        var name: String
        var expected: String
        var actual: String
        var mismatches: [String]
    }

    @Test(arguments: [
        Row(name: "subset of members", expected: #"{"isCurrent":true}"#, actual: #"{"id":"1","isCurrent":true}"#, mismatches: []),
        Row(name: "nested subset", expected: #"{"detail":{"company":{"displayName":"Contoso"}}}"#,
            actual: #"{"detail":{"jobTitle":"x","company":{"displayName":"Contoso","address":null}}}"#, mismatches: []),
        Row(name: "nested value differs", expected: #"{"detail":{"company":{"displayName":"Contoso"}}}"#,
            actual: #"{"detail":{"company":{"displayName":"Fabrikam"}}}"#,
            mismatches: [#"/detail/company/displayName: expected "Contoso", got "Fabrikam""#]),
        Row(name: "member absent", expected: #"{"isCurrent":false,"detail":{"role":"r"}}"#, actual: #"{"detail":{}}"#,
            mismatches: ["/isCurrent: expected false, got absent", #"/detail/role: expected "r", got absent"#]),
        Row(name: "null is not absent", expected: #"{"manager":null}"#, actual: #"{}"#, mismatches: ["/manager: expected null, got absent"]),
        Row(name: "numbers by value", expected: #"{"n":1,"d":2.50}"#, actual: #"{"n":1.0,"d":2.5}"#, mismatches: []),
        Row(name: "types differ", expected: #"{"isCurrent":true}"#, actual: #"{"isCurrent":"True"}"#,
            mismatches: [#"/isCurrent: expected true, got "True""#]),
        Row(name: "arrays element-wise as subsets", expected: #"{"colleagues":[{"displayName":"A"}]}"#,
            actual: #"{"colleagues":[{"displayName":"A","relationship":"colleague"}]}"#, mismatches: []),
        Row(name: "array element differs", expected: #"{"categories":["a","b"]}"#, actual: #"{"categories":["a","c"]}"#,
            mismatches: [#"/categories/1: expected "b", got "c""#]),
        Row(name: "array length differs", expected: #"{"categories":["a"]}"#, actual: #"{"categories":["a","b"]}"#,
            mismatches: [#"/categories: expected 1 elements ["a"], got 2 elements ["a","b"]"#]),
        Row(name: "timestamp at coarser precision", expected: #"{"t":"2020-07-06T06:34:12.229Z"}"#,
            actual: #"{"t":"2020-07-06T06:34:12.2294868Z"}"#, mismatches: []),
        Row(name: "timestamp differs", expected: #"{"t":"2020-07-06T06:34:12.228Z"}"#,
            actual: #"{"t":"2020-07-06T06:34:12.2294868Z"}"#,
            mismatches: [#"/t: expected "2020-07-06T06:34:12.228Z", got "2020-07-06T06:34:12.2294868Z""#]),
        Row(name: "dates are plain strings", expected: #"{"d":"2020-07-06"}"#, actual: #"{"d":"2020-07-06"}"#, mismatches: []),
        Row(name: "object expected, scalar found", expected: #"{"detail":{"role":"r"}}"#, actual: #"{"detail":"r"}"#,
            mismatches: [#"/detail: expected {"role":"r"}, got "r""#]),
    ])
    func subset(_ row: Row) {
        let mismatches = JSONMatch.subset(expected: Support.json(row.expected), actual: Support.json(row.actual))
        #expect(mismatches.map(\.description) == row.mismatches)
    }

    @Test func startingPointerIsPrefixed() {
        let mismatches = JSONMatch.subset(expected: ["a": 1], actual: ["a": 2], at: JSONPointer(tokens: ["value", "0"]))
        #expect(mismatches.map(\.pointer.description) == ["/value/0/a"])
    }

    @Test func longValuesAreCutTo80Characters() {
        let long = String(repeating: "x", count: 300)
        let mismatch = JSONMatch.subset(expected: .string(long), actual: "y").first
        #expect(mismatch?.expected.count == 80)
    }
}
