/// Wire-format checks for OData primitive string forms, public so the runner can reuse them
/// (e.g. "is `lastModifiedDateTime` a timestamp at all" before comparing instants).
public enum EdmFormat {
    /// `Edm.Date`: exactly `YYYY-MM-DD` naming a real proleptic Gregorian date.
    public static func isDate(_ text: String) -> Bool {
        CalendarDate(Array(text.utf8)[...]) != nil
    }

    /// `Edm.DateTimeOffset`: see `DateTimeOffsetValue` for the exact accepted form.
    public static func isDateTimeOffset(_ text: String) -> Bool {
        DateTimeOffsetValue(text) != nil
    }

    /// `Edm.Guid`: 8-4-4-4-12 hexadecimal digits, either case, no braces (OData ABNF `guidValue`).
    public static func isGuid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isHex(byte) else { return false }
            }
        }
        return true
    }

    /// The special `Edm.Double` strings of OData JSON (§7.1: "NaN", "INF", "-INF").
    public static func isSpecialDouble(_ text: String) -> Bool {
        text == "NaN" || text == "INF" || text == "-INF"
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
