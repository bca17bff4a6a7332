import JSONShape
import Testing

struct EdmFormatTests {
    struct Row: NamedRow {
        var name: String
        var type: String
        var json: String
        var accepted: Bool
        var hint: String? = nil
    }

    static func accept(_ type: String, _ json: String) -> Row {
        Row(name: "\(type) accepts \(json)", type: type, json: json, accepted: true)
    }

    static func reject(_ type: String, _ json: String, hint: String? = nil) -> Row {
        Row(name: "\(type) rejects \(json)", type: type, json: json, accepted: false, hint: hint)
    }

    static let rows: [Row] = [
        accept("Edm.String", #""x""#), accept("Edm.String", #""""#),
        reject("Edm.String", "1"), reject("Edm.String", "null"), reject("Edm.String", "true"), reject("Edm.String", "[]"),

        accept("Edm.Boolean", "true"), accept("Edm.Boolean", "false"),
        reject("Edm.Boolean", #""True""#, hint: "a string, not the JSON literal true"), reject("Edm.Boolean", #""false""#, hint: "a string, not the JSON literal false"),
        reject("Edm.Boolean", "1"), reject("Edm.Boolean", "0"), reject("Edm.Boolean", "null"),

        accept("Edm.Int32", "0"), accept("Edm.Int32", "-2147483648"), accept("Edm.Int32", "2147483647"), accept("Edm.Int32", "-0"),
        reject("Edm.Int32", "2147483648", hint: "out of range"), reject("Edm.Int32", "-2147483649", hint: "out of range"),
        reject("Edm.Int32", "1.0", hint: "not an integer literal"), reject("Edm.Int32", "1e3", hint: "not an integer literal"),
        reject("Edm.Int32", #""1""#), reject("Edm.Int32", "true"),

        accept("Edm.Int64", "9223372036854775807"), accept("Edm.Int64", "-9223372036854775808"),
        reject("Edm.Int64", "9223372036854775808", hint: "out of range"), reject("Edm.Int64", "1.5", hint: "not an integer literal"),
        reject("Edm.Int64", #""42""#),

        accept("Edm.Double", "1"), accept("Edm.Double", "1.5"), accept("Edm.Double", "-1e-3"),
        accept("Edm.Double", "12345678901234567890"), accept("Edm.Double", #""NaN""#), accept("Edm.Double", #""INF""#),
        accept("Edm.Double", #""-INF""#),
        reject("Edm.Double", #""nan""#), reject("Edm.Double", #""Infinity""#), reject("Edm.Double", #""1.5""#),
        reject("Edm.Double", "true"),

        accept("Edm.Date", #""2001-01-01""#), accept("Edm.Date", #""2020-02-29""#), accept("Edm.Date", #""2000-02-29""#),
        accept("Edm.Date", #""0001-01-01""#), accept("Edm.Date", #""9999-12-31""#),
        reject("Edm.Date", #""2019-02-29""#), reject("Edm.Date", #""1900-02-29""#), reject("Edm.Date", #""2021-04-31""#),
        reject("Edm.Date", #""2021-13-01""#), reject("Edm.Date", #""2021-00-10""#), reject("Edm.Date", #""2021-1-01""#),
        reject("Edm.Date", #""datetime-value""#), reject("Edm.Date", #""20210101""#), reject("Edm.Date", #"" 2021-01-01""#),
        reject("Edm.Date", #""2021-01-01T00:00:00Z""#, hint: "a DateTimeOffset, not a date"), reject("Edm.Date", "20210101"),

        accept("Edm.DateTimeOffset", #""2020-07-06T06:34:12.2294868Z""#),
        accept("Edm.DateTimeOffset", #""2020-07-06T06:34:12Z""#),
        accept("Edm.DateTimeOffset", #""2020-07-06T06:34:12.123456789012Z""#),
        accept("Edm.DateTimeOffset", #""2020-07-06T06:34:12+02:00""#),
        accept("Edm.DateTimeOffset", #""2020-07-06T06:34:12.5-08:30""#),
        accept("Edm.DateTimeOffset", #""2020-02-29T23:59:59-00:00""#),
        reject("Edm.DateTimeOffset", #""2020-07-06T06:34:12.1234567890123Z""#),
        reject("Edm.DateTimeOffset", #""2020-09-11T11:21:34""#, hint: "no UTC offset"),
        reject("Edm.DateTimeOffset", #""2020-07-06t06:34:12z""#, hint: "lower-case 't'/'z'; Graph writes upper case"),
        reject("Edm.DateTimeOffset", #""2020-07-06T06:34:60Z""#),
        reject("Edm.DateTimeOffset", #""2020-07-06T24:00:00Z""#),
        reject("Edm.DateTimeOffset", #""2020-07-06T06:34Z""#),
        reject("Edm.DateTimeOffset", #""2020-07-06 06:34:12Z""#),
        reject("Edm.DateTimeOffset", #""2019-02-29T00:00:00Z""#),
        reject("Edm.DateTimeOffset", #""2020-07-06T06:34:12.Z""#),
        reject("Edm.DateTimeOffset", #""2020-07-06T06:34:12+0200""#),
        reject("Edm.DateTimeOffset", #""2020-07-06T06:34:12+24:00""#),
        reject("Edm.DateTimeOffset", #""2020-07-06""#),
        reject("Edm.DateTimeOffset", "1594017252"),

        accept("Edm.Guid", #""01234567-89ab-cdef-0123-456789ABCDEF""#),
        reject("Edm.Guid", #""{01234567-89ab-cdef-0123-456789abcdef}""#),
        reject("Edm.Guid", #""0123456789abcdef0123456789abcdef""#),
        reject("Edm.Guid", #""g1234567-89ab-cdef-0123-456789abcdef""#),
        reject("Edm.Guid", #""01234567-89ab-cdef-0123-456789abcde""#),
    ]

    @Test(arguments: rows)
    func wireForm(_ row: Row) {
        let mismatches = ShapeRegistry().validate(Support.json(row.json), against: row.type)
        if row.accepted {
            #expect(mismatches.isEmpty, "\(mismatches)")
        } else {
            #expect(mismatches.count == 1)
            #expect(mismatches.first?.pointer == .root)
            #expect(mismatches.first?.expected.hasPrefix(row.type + " (") == true)
            #expect(mismatches.first?.hint == row.hint)
        }
    }

    @Test func publicHelpersAgreeWithValidation() {
        for row in Self.rows {
            guard case .string(let text) = Support.json(row.json) else { continue }
            switch row.type {
            case "Edm.Date": #expect(EdmFormat.isDate(text) == row.accepted, "\(row.name)")
            case "Edm.DateTimeOffset": #expect(EdmFormat.isDateTimeOffset(text) == row.accepted, "\(row.name)")
            case "Edm.Guid": #expect(EdmFormat.isGuid(text) == row.accepted, "\(row.name)")
            default: continue
            }
        }
    }

    @Test func mismatchLineNamesTheFormat() {
        let mismatch = ShapeRegistry().validate("datetime-value", against: "Edm.Date").first
        #expect(mismatch?.description == #"(root): expected Edm.Date (YYYY-MM-DD), got "datetime-value""#)
    }
}
