/// One way a value changed between two reads, e.g.
/// `/detail/company/displayName: was "Contoso", now absent`.
public struct JSONDifference: Sendable, Hashable, CustomStringConvertible {
    public var pointer: JSONPointer
    /// Excerpt of the earlier value (≤ 80 characters), or `absent`.
    public var before: String
    /// Excerpt of the later value (≤ 80 characters), or `absent`.
    public var after: String

    public init(pointer: JSONPointer, before: String, after: String) {
        self.pointer = pointer
        self.before = before
        self.after = after
    }

    public var description: String { "\(pointer.displayText): was \(before), now \(after)" }
}
