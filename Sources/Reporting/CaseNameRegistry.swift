/// Hands out `(classname, name)` pairs that are unique in a report and short enough for Azure.
///
/// GitLab keeps only the first of two equal cases, mikepenz reads them as retries and Jenkins keys
/// cases by name (CONVENTIONS rule 6), so a repeated pair gets " #2", " #3", … in arrival order.
/// Azure limits the fully qualified name `classname.name` to 512 characters (rule 7); longer names
/// are cut and end in "~" plus a hash of the full name, so distinct long names stay distinct and
/// the same input always gives the same output.
struct CaseNameRegistry {
    /// Limit on `classname + "." + name`, counted in UTF-16 code units as .NET counts them.
    static let maxQualifiedLength = 512
    /// Longest classname kept whole, leaving room for a readable name.
    static let maxClassnameLength = 384

    private var taken: Set<String> = []

    /// A unique, length-limited pair for the given (already single-line) classname and name.
    mutating func claim(classname: String, name: String) -> (classname: String, name: String) {
        let classname = Self.fit(classname, limit: Self.maxClassnameLength)
        let nameLimit = Self.maxQualifiedLength - classname.utf16.count - 1
        var ordinal = 1
        while true {
            let candidate = Self.fit(ordinal == 1 ? name : "\(name) #\(ordinal)", limit: nameLimit)
            if taken.insert(classname + "\u{0}" + candidate).inserted {
                return (classname, candidate)
            }
            ordinal += 1
        }
    }

    /// `text` if it has at most `limit` UTF-16 units, else a prefix plus "~" and 16 hex digits.
    static func fit(_ text: String, limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        let suffix = "~" + stableHash(text)
        let room = limit - suffix.utf16.count
        var prefix = ""
        var used = 0
        for character in text {
            used += character.utf16.count
            if used > room { break }
            prefix.append(character)
        }
        return prefix + suffix
    }

    /// FNV-1a 64 of the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
