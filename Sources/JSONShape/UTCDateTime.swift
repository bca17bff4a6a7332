/// A UTC instant broken down into calendar fields (proleptic Gregorian), and the RFC 3339 texts
/// built from it: the one timestamp formatter of the package.
///
/// By hand, after Howard Hinnant's `civil_from_days`: no formatter objects (a `DateFormatter` per
/// case showed up in profiles), no locale (rule: "0,120" must never appear), no shared state, and
/// the same digits on every platform.
public struct UTCDateTime: Sendable, Hashable {
    /// Days since 1970-01-01 (negative before).
    public var days: Int64
    public var year: Int64
    public var month: Int, day: Int, hour: Int, minute: Int, second: Int

    public init(unixSeconds: Int64) {
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

    /// "2026-11-29T10:00:00": no fraction, no offset.
    public var isoDateTime: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))T"
            + "\(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))"
    }

    /// RFC 3339 in UTC with a `Z`: "2026-11-29T10:00:00Z", or with `fractionDigits` digits of the
    /// fraction ("…:00.123Z"). Fractions are cut, never rounded, so an instant is never printed
    /// later than it happened.
    public static func rfc3339(secondsSince1970 seconds: Double, fractionDigits: Int = 0) -> String {
        let whole = seconds.rounded(.down)
        let text = UTCDateTime(unixSeconds: Int64(whole)).isoDateTime
        guard fractionDigits > 0 else { return text + "Z" }
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let fraction = min(Int64(((seconds - whole) * scale).rounded(.down)), Int64(scale) - 1)
        return text + "." + padded(fraction, fractionDigits) + "Z"
    }

    static func padded(_ value: some BinaryInteger, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Int64 {
    /// Division rounding towards negative infinity (days before 1970 belong to the earlier day).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
