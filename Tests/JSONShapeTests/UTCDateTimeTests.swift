import JSONShape
import Testing

/// The one timestamp formatter: RFC 3339 UTC, fractions cut (never rounded up), any era.
@Suite struct UTCDateTimeTests {
    @Test(arguments: [
        (0.0, 0, "1970-01-01T00:00:00Z"),
        (1_795_946_400.999, 0, "2026-11-29T10:00:00Z"),
        (1_795_946_400.1239, 3, "2026-11-29T10:00:00.123Z"),
        (951_782_400.5, 3, "2000-02-29T00:00:00.500Z"),
        (-1.5, 0, "1969-12-31T23:59:58Z"),
        (253_402_300_799.0, 0, "9999-12-31T23:59:59Z"),
    ])
    func formats(seconds: Double, digits: Int, expected: String) {
        #expect(UTCDateTime.rfc3339(secondsSince1970: seconds, fractionDigits: digits) == expected)
    }

    /// What it prints parses back as the same instant (to the printed precision).
    @Test func roundTripsThroughTheParser() throws {
        let text = UTCDateTime.rfc3339(secondsSince1970: 1_700_000_000.25, fractionDigits: 3)
        let parsed = try #require(DateTimeOffsetValue(text))
        #expect(parsed == DateTimeOffsetValue("2023-11-14T22:13:20.250Z"))
    }
}

/// The one percent-encoder: RFC 3986 unreserved kept, everything else escaped as UTF-8 bytes.
@Suite struct PercentEncodingTests {
    @Test(arguments: [
        ("AZaz09-._~", "AZaz09-._~"),
        ("a/b+c=d", "a%2Fb%2Bc%3Dd"),
        ("é ü", "%C3%A9%20%C3%BC"),
        ("$top,'x'():", "%24top%2C%27x%27%28%29%3A"),
    ])
    func componentEscapesAllButUnreserved(text: String, expected: String) {
        #expect(PercentEncoding.component(text) == expected)
    }

    @Test(arguments: [
        ("startswith(jobTitle,'a b')", "startswith(jobTitle,'a%20b')"),
        ("a&b=c#d+e", "a%26b%3Dc%23d%2Be"),
        ("é", "%C3%A9"),
    ])
    func queryValueKeepsODataPunctuation(text: String, expected: String) {
        #expect(PercentEncoding.queryValue(text) == expected)
    }
}
