/// One header field, kept as sent or received so tests can assert on exact wire spelling.
public struct HTTPHeader: Sendable, Equatable {
    /// Field name in its original case.
    public var name: String
    /// Field value; received values are trimmed of surrounding whitespace.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
