import JSONShape
import Testing

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
