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

struct JSONDiffTests {
    struct Row: NamedRow {
        var name: String
        var before: String
        var after: String
        var ignoring: [String] = []
        var differences: [String]
    }

    @Test(arguments: [
        Row(name: "identical", before: #"{"a":1,"b":{"c":[1,2]}}"#, after: #"{"b":{"c":[1,2]},"a":1}"#, differences: []),
        Row(name: "nested change", before: #"{"detail":{"company":{"displayName":"Contoso"}}}"#,
            after: #"{"detail":{"company":{"displayName":"Fabrikam"}}}"#,
            differences: [#"/detail/company/displayName: was "Contoso", now "Fabrikam""#]),
        Row(name: "absent vs null", before: #"{"detail":{"company":{"displayName":"Contoso"}},"manager":null}"#,
            after: #"{"detail":{"company":{}},"manager":null,"summary":null}"#,
            differences: [#"/detail/company/displayName: was "Contoso", now absent"#, "/summary: was absent, now null"]),
        Row(name: "arrays compared whole", before: #"{"colleagues":[{"displayName":"A","relationship":"colleague"}]}"#,
            after: #"{"colleagues":[{"displayName":"A","relationship":"manager"}]}"#,
            differences: [#"/colleagues: was [{"displayName":"A","relationship":"colleague"}], now [{"displayName":"A","relationship":"manager"}]"#]),
        Row(name: "array order matters", before: #"{"categories":["a","b"]}"#, after: #"{"categories":["b","a"]}"#,
            differences: [#"/categories: was ["a","b"], now ["b","a"]"#]),
        Row(name: "ignoring a subtree", before: #"{"lastModifiedDateTime":"2020-01-01T00:00:00Z","lastModifiedBy":{"user":{"id":"1"}},"isCurrent":true}"#,
            after: #"{"lastModifiedDateTime":"2021-01-01T00:00:00Z","lastModifiedBy":{"user":{"id":"2"}},"isCurrent":false}"#,
            ignoring: ["/lastModifiedDateTime", "/lastModifiedBy", "/isCurrent"], differences: []),
        Row(name: "ignoring inside an array element", before: #"{"colleagues":[{"displayName":"A","userId":"1"}]}"#,
            after: #"{"colleagues":[{"displayName":"A","userId":"2"}]}"#, ignoring: ["/colleagues/0/userId"], differences: []),
        Row(name: "ignoring a sibling does not hide others", before: #"{"a":{"b":1,"c":1}}"#, after: #"{"a":{"b":2,"c":2}}"#,
            ignoring: ["/a/b"], differences: ["/a/c: was 1, now 2"]),
        Row(name: "annotations ignored", before: ##"{"@odata.context":"x","isCurrent@odata.type":"#Boolean","a":1}"##,
            after: #"{"@odata.etag":"W/1","a":1}"#, differences: []),
        Row(name: "timestamp precision", before: #"{"createdDateTime":"2020-07-06T06:34:12.2294868Z"}"#,
            after: #"{"createdDateTime":"2020-07-06T06:34:12.229Z"}"#, differences: []),
        Row(name: "timestamp moved", before: #"{"createdDateTime":"2020-07-06T06:34:12.2294868Z"}"#,
            after: #"{"createdDateTime":"2020-07-06T06:34:13Z"}"#,
            differences: [#"/createdDateTime: was "2020-07-06T06:34:12.2294868Z", now "2020-07-06T06:34:13Z""#]),
        Row(name: "numbers by value", before: #"{"n":1}"#, after: #"{"n":1.0}"#, differences: []),
        Row(name: "kind change", before: #"{"detail":{"role":"r"}}"#, after: #"{"detail":null}"#,
            differences: [#"/detail: was {"role":"r"}, now null"#]),
        Row(name: "root differs", before: "1", after: "2", differences: ["(root): was 1, now 2"]),
    ])
    func differences(_ row: Row) {
        let ignoring = row.ignoring.compactMap(JSONPointer.init)
        #expect(ignoring.count == row.ignoring.count)
        let found = JSONDiff.differences(before: Support.json(row.before), after: Support.json(row.after), ignoring: ignoring)
        #expect(found.map(\.description) == row.differences)
    }
}
