import Foundation
import JSONShape

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

    private var civil: UTCDateTime { UTCDateTime(unixSeconds: unixSeconds) }
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
