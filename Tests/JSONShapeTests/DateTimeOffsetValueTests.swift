import JSONShape
import Testing

struct DateTimeOffsetValueTests {
    struct Precision: NamedRow {
        var name: String
        var left: String
        var right: String
        var equal: Bool
    }

    @Test(arguments: [
        Precision(name: "7 digits vs milliseconds (truncated)", left: "2020-07-06T06:34:12.2294868Z", right: "2020-07-06T06:34:12.229Z", equal: true),
        Precision(name: "milliseconds vs 7 digits (symmetric)", left: "2020-07-06T06:34:12.229Z", right: "2020-07-06T06:34:12.2294868Z", equal: true),
        Precision(name: "rounded half up", left: "2020-07-06T06:34:12.2295Z", right: "2020-07-06T06:34:12.230Z", equal: true),
        Precision(name: "neither truncation nor rounding", left: "2020-07-06T06:34:12.2294868Z", right: "2020-07-06T06:34:12.230Z", equal: false),
        Precision(name: "rounding carries into the next second", left: "2020-07-06T06:34:12.9999999Z", right: "2020-07-06T06:34:13.000Z", equal: true),
        Precision(name: "whole seconds vs zeros", left: "2020-07-06T06:34:12Z", right: "2020-07-06T06:34:12.0000000Z", equal: true),
        Precision(name: "same precision, different instant", left: "2020-07-06T06:34:12.229Z", right: "2020-07-06T06:34:12.228Z", equal: false),
        Precision(name: "offsets are applied", left: "2020-07-06T08:34:12.2294868+02:00", right: "2020-07-06T06:34:12.229Z", equal: true),
        Precision(name: "different second", left: "2020-07-06T06:34:11.229Z", right: "2020-07-06T06:34:12.229Z", equal: false),
    ])
    func coarserPrecision(_ row: Precision) throws {
        let left = try #require(DateTimeOffsetValue(row.left)), right = try #require(DateTimeOffsetValue(row.right))
        #expect(left.equalsAtCoarserPrecision(right) == row.equal)
    }

    @Test func orderingAndExactEquality() throws {
        let a = try #require(DateTimeOffsetValue("2020-07-06T06:34:12.2294868Z"))
        let b = try #require(DateTimeOffsetValue("2020-07-06T06:34:12.229Z"))
        let c = try #require(DateTimeOffsetValue("2020-07-06T08:34:12.2294868+02:00"))
        let epoch = try #require(DateTimeOffsetValue("1970-01-01T00:00:00Z"))
        let beforeEpoch = try #require(DateTimeOffsetValue("1969-12-31T23:59:59.5Z"))
        #expect(b < a)
        #expect(a == c)
        #expect(a != b)
        #expect(epoch.epochSeconds == 0)
        #expect(beforeEpoch < epoch)
        #expect(beforeEpoch.epochSeconds == -1 && beforeEpoch.picoseconds == 500_000_000_000)
        #expect(a.fractionDigits == 7)
        #expect(DateTimeOffsetValue("2020-07-06T06:34:12.1234567890123Z") == nil)
    }
}
