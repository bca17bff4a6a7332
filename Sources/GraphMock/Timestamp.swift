import Foundation

/// A UTC instant in 100-nanosecond ticks since 1970, with the text forms Graph uses.
///
/// Written by hand (days-from-civil arithmetic) so formatting needs no shared formatter state and
/// produces exactly 7 fractional digits, like `2020-07-06T06:34:12.2294868Z`.
struct Timestamp: Sendable, Comparable {
    static let ticksPerSecond: Int64 = 10_000_000
    var ticks: Int64

    static func now() -> Timestamp {
        Timestamp(ticks: Int64((Date().timeIntervalSince1970 * Double(ticksPerSecond)).rounded(.down)))
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.ticks < rhs.ticks }

    var unixSeconds: Int64 { ticks.floorDivided(by: Self.ticksPerSecond) }

    /// `Edm.DateTimeOffset` as Graph writes it: 7 fractional digits and `Z`.
    var dateTimeOffset: String {
        let fraction = ticks - unixSeconds * Self.ticksPerSecond
        return civil.isoDateTime + "." + String(fraction).leftPadded(to: 7) + "Z"
    }

    /// `innerError.date`: no fraction and no offset, as real Graph bodies show (reference §4.1).
    var innerErrorDate: String { civil.isoDateTime }

    /// IMF-fixdate for the `Date` header (RFC 9110 §5.6.7).
    var httpDate: String {
        let c = civil
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(c.days.floorModulo(7))]
        return "\(weekday), \(String(c.day).leftPadded(to: 2)) \(months[c.month - 1]) \(c.year) "
            + "\(String(c.hour).leftPadded(to: 2)):\(String(c.minute).leftPadded(to: 2)):\(String(c.second).leftPadded(to: 2)) GMT"
    }

    private var civil: Civil { Civil(unixSeconds: unixSeconds) }
}

/// Broken-down UTC time (proleptic Gregorian), after Howard Hinnant's `civil_from_days`.
private struct Civil {
    var days: Int64
    var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(unixSeconds: Int64) {
        days = unixSeconds.floorDivided(by: 86_400)
        let secondOfDay = Int(unixSeconds - days * 86_400)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var isoDateTime: String {
        "\(String(year).leftPadded(to: 4))-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))T"
            + "\(String(hour).leftPadded(to: 2)):\(String(minute).leftPadded(to: 2)):\(String(second).leftPadded(to: 2))"
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
