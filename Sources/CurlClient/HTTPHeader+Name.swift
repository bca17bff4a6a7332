extension HTTPHeader {
    /// Whether this field's name is `name`. Field names are ASCII tokens compared without regard
    /// to case (RFC 9110 §5.1); any other byte must match exactly. No allocation and no Foundation
    /// bridging: the runner asks this several times per request.
    public func hasName(_ name: String) -> Bool {
        Self.namesEqual(self.name, name)
    }

    /// ASCII case-insensitive equality of two field names.
    public static func namesEqual(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        return left.utf8.elementsEqual(right.utf8) { a, b in
            if a == b { return true }
            let folded = a | 0x20
            return folded == b | 0x20 && folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
        }
    }
}
