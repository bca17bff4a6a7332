import Foundation
import JSONShape

/// Number and date spellings shared by the XML, JSON and console output.
///
/// Built by hand from integers so no locale can turn "0.120" into "0,120" (rule 14) and the
/// timestamp is always UTC with seconds precision and a `Z` (rule 15).
enum ReportFormat {
    /// Seconds with exactly three decimals and a `.` point: 0.12 -> "0.120". Negative, NaN and
    /// infinite values become "0.000"; the XSD pattern accepts only unsigned digits.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0.000" }
        let millis = (value * 1000).rounded()
        guard millis < 9.0e15 else { return "9000000000000.000" }
        let whole = Int(millis)
        let fraction = whole % 1000
        return "\(whole / 1000)." + String(repeating: "0", count: fraction < 10 ? 2 : fraction < 100 ? 1 : 0)
            + "\(fraction)"
    }

    /// A short duration for prose, trailing zeros dropped: 1 -> "1s", 1.5 -> "1.5s".
    static func shortSeconds(_ value: Double) -> String {
        var text = seconds(value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "s"
    }

    /// UTC ISO 8601 with seconds precision, e.g. "2026-11-29T10:00:00Z". Fractions are cut, not
    /// rounded, so a suite never appears to start after its first case.
    static func timestamp(_ date: Date) -> String {
        UTCDateTime.rfc3339(secondsSince1970: date.timeIntervalSince1970)
    }
}
