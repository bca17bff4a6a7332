import JSONShape

/// What a step's response must satisfy. Every item keeps the location it was written at, so a
/// failure can say which line of which case file it came from.
public struct Expectation: Sendable {
    /// Status rules: exact codes, classes like `4xx`, or a `${policy.…}` variable resolved at run time.
    public var status: Located<JSONValue>?
    public var headers: [HeaderExpectation] = []
    public var shape: Located<String>?
    /// nil = the default error shape; "none" = no check.
    public var errorShape: Located<String>?
    public var json: Located<JSONValue>?
    public var at: [(pointer: JSONPointer, value: Located<JSONValue>)] = []
    public var present: [Located<JSONPointer>] = []
    public var absent: [Located<JSONPointer>] = []
    public var null: [Located<JSONPointer>] = []
    public var unchanged: Unchanged?
    /// Timestamps at these pointers must be strictly later than the given (template) value.
    public var later: [(pointer: JSONPointer, than: Located<JSONValue>)] = []
    public var bodyEmpty: Located<Bool>?
    /// Some element of the array at `at` must match `item` as a subset.
    public var contains: [Membership] = []
    /// No element of the array at `at` may match `item` as a subset.
    public var notContains: [Membership] = []
    /// Timestamps at these pointers must be the same instant as the given one or later.
    public var notEarlier: [(pointer: JSONPointer, than: Located<JSONValue>)] = []
    /// The list element with this id equals a snapshot (`listEntry`, see `ListEntry`).
    public var listEntry: ListEntry?

    public init() {}

    /// A list-membership check: robust where other cases or other clients add items concurrently.
    public struct Membership: Sendable {
        public var array: JSONPointer
        public var item: JSONValue
        public var location: SourceLocation
    }

    /// `listEntry: {id: "${position.id}", equals: item, except: [server-managed]}`: exactly one
    /// element of the array at `array` (default `/value`) has this id, and it equals the snapshot
    /// the way `unchanged` compares (undeclared members and annotations aside, timestamps as
    /// instants, `except` pointers skipped). Lets a case check that a list shows what a GET shows.
    public struct ListEntry: Sendable {
        public var array: JSONPointer
        /// A template resolved at run time, e.g. `${position.id}`.
        public var id: JSONValue
        public var snapshot: String
        public var except: [JSONPointer]
        public var location: SourceLocation
    }

    public struct Unchanged: Sendable {
        public var snapshot: String
        public var except: [JSONPointer]
        public var location: SourceLocation
    }

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
