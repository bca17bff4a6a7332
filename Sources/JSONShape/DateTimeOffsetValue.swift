/// An `Edm.DateTimeOffset` read from its wire form, kept as an exact instant.
///
/// Graph writes 7 fractional digits (`2020-07-06T06:34:12.2294868Z`), OData allows 12, and many
/// clients keep only milliseconds. The value keeps every digit (as picoseconds) and the number of
/// digits written, so two renderings of one instant at different precisions can be compared with
/// `equalsAtCoarserPrecision`.
///
/// Accepted form (OData ABNF `dateTimeOffsetValue`, narrowed to what Graph emits):
/// `YYYY-MM-DDThh:mm:ss[.f{1,12}](Z|±hh:mm)`.
/// * `T` and `Z` must be upper case. RFC 3339 §5.6 permits lower case, but Graph never sends it
///   and strict clients (layouts that match `T`/`Z` literally) reject it, so the suite flags it.
/// * Seconds are required (the brief's wire form; OData would allow omitting them) and run
///   00–59: OData's ABNF has `second = zeroToFiftyNine`, so a leap second `60` is rejected.
/// * The date must be a real calendar date; offsets run −23:59…+23:59.
public struct DateTimeOffsetValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z (UTC, offset applied).
    public let epochSeconds: Int64
    /// Fraction of the second, in picoseconds (0 ..< 10^12).
    public let picoseconds: Int64
    /// How many fractional digits the text had (0…12).
    public let fractionDigits: Int
    /// The text as parsed.
    public let text: String

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = CalendarDate(bytes[0..<10]), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = CalendarDate.digits(bytes[11..<13]), hour <= 23,
            let minute = CalendarDate.digits(bytes[14..<16]), minute <= 59,
            let second = CalendarDate.digits(bytes[17..<19]), second <= 59
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        var digits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                digits += 1
                guard digits <= 12 else { return nil }
                fraction = fraction * 10 + Int64(bytes[index] - 0x30)
                index += 1
            }
            guard digits >= 1 else { return nil }
            for _ in digits..<12 { fraction *= 10 }
        }
        guard index < bytes.count, let offsetSeconds = Self.offset(bytes[index...]) else { return nil }
        let localSeconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        epochSeconds = localSeconds - Int64(offsetSeconds)
        picoseconds = fraction
        fractionDigits = digits
        self.text = text
    }

    /// `Z` → 0, `±hh:mm` → signed seconds; nil for anything else.
    private static func offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        if bytes.count == 1, bytes.first == UInt8(ascii: "Z") { return 0 }
        guard bytes.count == 6 else { return nil }
        let start = bytes.startIndex
        let sign: Int
        switch bytes[start] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        guard bytes[start + 3] == UInt8(ascii: ":"),
            let hours = CalendarDate.digits(bytes[start + 1..<start + 3]), hours <= 23,
            let minutes = CalendarDate.digits(bytes[start + 4..<start + 6]), minutes <= 59
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Same instant, exactly (precision of the text does not matter: `.5Z` equals `.500Z`).
    public static func == (lhs: DateTimeOffsetValue, rhs: DateTimeOffsetValue) -> Bool {
        lhs.epochSeconds == rhs.epochSeconds && lhs.picoseconds == rhs.picoseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epochSeconds)
        hasher.combine(picoseconds)
    }

    public static func < (lhs: DateTimeOffsetValue, rhs: DateTimeOffsetValue) -> Bool {
        (lhs.epochSeconds, lhs.picoseconds) < (rhs.epochSeconds, rhs.picoseconds)
    }

    /// True when the finer of the two, reduced to the coarser one's number of fractional digits,
    /// is the coarser one. Reduction by truncation or by rounding half up are both accepted,
    /// because serializers differ (.NET `fff` truncates, others round).
    public func equalsAtCoarserPrecision(_ other: DateTimeOffsetValue) -> Bool {
        let (fine, coarse) = fractionDigits >= other.fractionDigits ? (self, other) : (other, self)
        var unit: Int64 = 1
        for _ in coarse.fractionDigits..<12 { unit *= 10 }
        let truncated = fine.picoseconds / unit * unit
        if (fine.epochSeconds, truncated) == (coarse.epochSeconds, coarse.picoseconds) { return true }
        guard (fine.picoseconds - truncated) * 2 >= unit else { return false }
        var roundedSeconds = fine.epochSeconds
        var rounded = truncated + unit
        if rounded >= 1_000_000_000_000 {
            rounded -= 1_000_000_000_000
            roundedSeconds += 1
        }
        return (roundedSeconds, rounded) == (coarse.epochSeconds, coarse.picoseconds)
    }

    public var description: String { text }
}
