import Identifiers
import JSONShape

/// Valid values from the whole domain of each Edm type (reference §3, §9.5): strings of every
/// length and Unicode class, numbers at the edges of their precision, dates across calendar edges.
struct ValueDomain {
    var contract: ContractModel
    /// Whether comma-joined flags values may be sent (policy `flagsAudiences: multi`, reference §8.5).
    var flagsCombinations: Bool

    func value(_ property: ContractProperty, random: inout SeededRandom, depth: Int) -> JSONValue {
        if property.isCollection {
            let count = random.pick([0, 1, 1, 2, 3, 5])
            return .array((0..<count).map { _ in element(property.typeName, random: &random, depth: depth) })
        }
        return element(property.typeName, random: &random, depth: depth)
    }

    func element(_ typeName: String, random: inout SeededRandom, depth: Int) -> JSONValue {
        switch contract.shapes.contractType(typeName) {
        case .primitive(let name)?: return primitive(name, random: &random)
        case .enumeration(let members, let isFlags)?:
            if isFlags, flagsCombinations, random.chance(30) {
                let chosen = Set((0..<Int.random(in: 2...3, using: &random)).map { _ in random.pick(members) })
                return .string(members.filter(chosen.contains).joined(separator: ","))
            }
            return .string(random.pick(members))
        case .structured(let properties, _)?:
            return .object(partialObject(properties, random: &random, depth: depth + 1))
        case nil:
            return .null
        }
    }

    /// A random subset of the members, each a random value or (sometimes) an explicit null.
    func partialObject(_ properties: [ContractProperty], random: inout SeededRandom, depth: Int) -> JSONObject {
        var object = JSONObject()
        let wanted = depth > 3 ? 1 : Int.random(in: 1...max(1, min(4, properties.count)), using: &random)
        for property in properties.shuffled(using: &random).prefix(wanted) {
            object[property.name] = random.chance(12) ? .null : value(property, random: &random, depth: depth)
        }
        return object
    }

    func primitive(_ name: String, random: inout SeededRandom) -> JSONValue {
        switch name {
        case "Edm.String": return .string(UnicodeSamples.string(random: &random))
        case "Edm.Boolean": return .bool(random.chance(50))
        case "Edm.Int32": return .int(random.pick(Self.int32Edges + [Int.random(in: -1000...1000, using: &random)]))
        case "Edm.Double": return Self.double(random: &random)
        case "Edm.Date": return .string(Self.date(random: &random))
        default: return .string(UnicodeSamples.string(random: &random))
        }
    }

    static let int32Edges = [0, 1, -1, Int(Int32.max), Int(Int32.min), Int(Int32.max) - 1, 255, 256, 65_536]

    /// IEEE 754 binary64 at its edges: values a binary32 cannot hold, the smallest subnormal, the
    /// largest finite, 2^53 + 2, 0.1 + 0.2, negative zero, and the special values as OData spells them.
    static func double(random: inout SeededRandom) -> JSONValue {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return .string(random.pick(["NaN", "INF", "-INF"]))
        case 1, 2:
            return .double(random.pick([0.1, 0.1 + 0.2, 1.0 / 3.0, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1.7976931348623157e308,
                                        9_007_199_254_740_994.0, -0.0, 0.5, 1e-7, 16_777_217.0, 3.4028235677973366e38]))
        case 3: return .int(random.pick([0, 1, 100]))
        default:
            // Uniform in [0, 1) with all 53 bits: almost never exact in binary32.
            return .double(Double(random.next() >> 11) / Double(1 << 53))
        }
    }

    /// Calendar edges (epoch, pre-epoch, leap days, century rules, year 1 and 9999) or any real day.
    static func date(random: inout SeededRandom) -> String {
        if random.chance(50) {
            return random.pick(["1970-01-01", "1969-12-31", "1900-02-28", "2000-02-29", "2024-02-29", "0001-01-01",
                                "9999-12-31", "1899-12-31", "1601-01-01", "2038-01-19", "1582-10-15", "2100-02-28"])
        }
        let year = Int.random(in: 1...9999, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return CalendarText.date(year: year, month: month, day: Int.random(in: 1...days, using: &random))
    }
}

enum CalendarText {
    static func date(year: Int, month: Int, day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
