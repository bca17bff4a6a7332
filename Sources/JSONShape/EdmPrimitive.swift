/// The `Edm.*` primitive types the suite can check, with their JSON wire rules.
///
/// Integer types demand an integer literal: `1.0` and `1e3` are rejected for `Edm.Int32` even
/// though they equal integers, because OData JSON writers emit integers without fraction or
/// exponent, and a fractional literal means the server serialized a floating-point value.
/// `Edm.Int64` is checked as a JSON number (responses declare `IEEE754Compatible=false`).
enum EdmPrimitive: String, Sendable, CaseIterable {
    case string = "Edm.String"
    case boolean = "Edm.Boolean"
    case byte = "Edm.Byte"
    case sbyte = "Edm.SByte"
    case int16 = "Edm.Int16"
    case int32 = "Edm.Int32"
    case int64 = "Edm.Int64"
    case double = "Edm.Double"
    case single = "Edm.Single"
    case decimal = "Edm.Decimal"
    case date = "Edm.Date"
    case dateTimeOffset = "Edm.DateTimeOffset"
    case guid = "Edm.Guid"

    /// What a diagnostic says is expected.
    var expectation: String {
        switch self {
        case .string: "Edm.String (string)"
        case .boolean: "Edm.Boolean (true or false)"
        case .byte: "Edm.Byte (integer literal 0…255)"
        case .sbyte: "Edm.SByte (integer literal -128…127)"
        case .int16: "Edm.Int16 (integer literal -32768…32767)"
        case .int32: "Edm.Int32 (integer literal -2147483648…2147483647)"
        case .int64: "Edm.Int64 (integer literal -9223372036854775808…9223372036854775807)"
        case .double: "Edm.Double (number or \"NaN\", \"INF\", \"-INF\")"
        case .single: "Edm.Single (number or \"NaN\", \"INF\", \"-INF\")"
        case .decimal: "Edm.Decimal (number)"
        case .date: "Edm.Date (YYYY-MM-DD)"
        case .dateTimeOffset: "Edm.DateTimeOffset (YYYY-MM-DDThh:mm:ss[.fffffff]Z or ±hh:mm)"
        case .guid: "Edm.Guid (8-4-4-4-12 hex digits)"
        }
    }

    /// Whether a non-null JSON value is a valid wire form of this type.
    func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string): true
        case (.boolean, .bool): true
        case (.byte, .number(let number)): Self.integer(number, in: 0...255)
        case (.sbyte, .number(let number)): Self.integer(number, in: -128...127)
        case (.int16, .number(let number)): Self.integer(number, in: -32768...32767)
        case (.int32, .number(let number)): Self.integer(number, in: Int64(Int32.min)...Int64(Int32.max))
        case (.int64, .number(let number)): number.int64 != nil
        case (.double, .number), (.single, .number), (.decimal, .number): true
        case (.double, .string(let text)), (.single, .string(let text)): EdmFormat.isSpecialDouble(text)
        case (.date, .string(let text)): EdmFormat.isDate(text)
        case (.dateTimeOffset, .string(let text)): EdmFormat.isDateTimeOffset(text)
        case (.guid, .string(let text)): EdmFormat.isGuid(text)
        default: false
        }
    }

    /// A hint for common near-misses, such as `"True"` for a Boolean or `1.0` for an integer.
    func hint(for value: JSONValue) -> String? {
        switch (self, value) {
        case (.boolean, .string(let text)) where ["true", "false"].contains(text.lowercased()):
            return "a string, not the JSON literal \(text.lowercased())"
        case (.byte, .number(let number)), (.sbyte, .number(let number)), (.int16, .number(let number)),
            (.int32, .number(let number)), (.int64, .number(let number)):
            return number.isInteger ? "out of range" : "not an integer literal"
        case (.date, .string(let text)) where DateTimeOffsetValue(text) != nil:
            return "a DateTimeOffset, not a date"
        case (.dateTimeOffset, .string(let text)) where DateTimeOffsetValue(text + "Z") != nil:
            return "no UTC offset"
        case (.dateTimeOffset, .string(let text)) where DateTimeOffsetValue(text.uppercased()) != nil:
            return "lower-case 't'/'z'; Graph writes upper case"
        default:
            return nil
        }
    }

    private static func integer(_ number: JSONNumber, in range: ClosedRange<Int64>) -> Bool {
        guard let value = number.int64 else { return false }
        return range.contains(value)
    }
}
