import JSONShape

/// What a step's response must satisfy. Every item keeps the location it was written at, so a
/// failure can say which line of which case file it came from.
public struct Expectation: Sendable {
    /// Status rules: exact codes, classes like `4xx`, or a `${policy.…}` variable resolved at run time.
    public var status: Located<JSONValue>?
    /// nil = the default error shape; "none" = no check.
    public var errorShape: Located<String>?
    /// Every other check, in evaluation order (`Assertion.Keyword`'s order, then as written).
    public var assertions: [Assertion] = []

    public init() {}

    /// Pointers the `server-managed` alias stands for in `unchanged.except`: the audit pair the
    /// docs expect to move (reference §5), and the Prod-only members no page lists as settable,
    /// which the service may recalculate (§3.2, §8.7). `id`, `createdBy` and `createdDateTime`
    /// are deliberately not here: they must never change.
    public static let serverManaged = ["/lastModifiedDateTime", "/lastModifiedBy", "/isSearchable", "/sources"]
        .compactMap { JSONPointer($0) }
}

public struct HeaderExpectation: Sendable {
    public enum Rule: Sendable {
        case equals(JSONValue)
        case matches(String)
        case present
        case absent
    }

    public var name: String
    public var rule: Rule
    public var location: SourceLocation
}

/// A value and where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
