/// A proleptic Gregorian calendar date read from fixed-width ASCII digits.
///
/// Shared by `Edm.Date` and `Edm.DateTimeOffset` checks so "a real calendar date" means the same
/// thing in both (2019-02-29 is rejected, 2020-02-29 accepted).
struct CalendarDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int

    /// Parses exactly `YYYY-MM-DD` (four-digit year; OData's negative and five-digit years are
    /// not used by Graph and are rejected).
    init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count == 10 else { return nil }
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = Self.digits(bytes[start..<start + 4]),
            let month = Self.digits(bytes[start + 5..<start + 7]),
            let day = Self.digits(bytes[start + 8..<start + 10])
        else { return nil }
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before it); Howard Hinnant's `days_from_civil`.
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The value of a run of ASCII digits, or nil if any byte is not a digit.
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return bytes.isEmpty ? nil : value
    }
}
