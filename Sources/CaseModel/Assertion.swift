import JSONShape

/// One check a step's response must pass, as written under `expect:`: the case language's single
/// list of body and header checks.
///
/// The decoder produces these, `ExpectationChecker.evaluate` handles them in one exhaustive
/// `switch`, and `Keyword` (the spelling in case files) is derived from them, so a new check is a
/// new case here and the compiler names every place that must learn it. `status` and `errorShape`
/// are not assertions: they choose which answer is being judged, and live on `Expectation`.
public enum Assertion: Sendable {
    case header(HeaderExpectation)
    /// `body: empty`: no bytes at all.
    case bodyEmpty(SourceLocation)
    /// The body matches a named shape from the contract.
    case shape(Located<String>)
    /// Subset match of the whole body.
    case json(Located<JSONValue>)
    /// Subset match at one pointer.
    case at(JSONPointer, Located<JSONValue>)
    case present(Located<JSONPointer>)
    case absent(Located<JSONPointer>)
    case null(Located<JSONPointer>)
    /// The body equals an earlier snapshot except at some pointers.
    case unchanged(Unchanged)
    /// The timestamp at the pointer is strictly later than the given (template) value.
    case later(JSONPointer, than: Located<JSONValue>)
    /// Some element of the array at `array` matches `item` as a subset.
    case contains(Membership)
    /// The timestamp at the pointer is the same instant as the given one or later.
    case notEarlier(JSONPointer, than: Located<JSONValue>)
    /// No element of the array at `array` matches `item` as a subset.
    case notContains(Membership)
    /// The list element with an id equals a snapshot of that item (see `ListEntry`).
    case listEntry(ListEntry)

    /// The `expect:` keys, in the order their assertions are evaluated. Every assertion has one
    /// (`keyword` below); `status` and `errorShape` are the two keys that are not assertions.
    public enum Keyword: String, CaseIterable, Sendable {
        case status, errorShape, headers, body, shape, json, at, present, absent, null, unchanged, later, contains, notEarlier, notContains, listEntry
    }

    /// The key this assertion is written under.
    public var keyword: Keyword {
        switch self {
        case .header: .headers
        case .bodyEmpty: .body
        case .shape: .shape
        case .json: .json
        case .at: .at
        case .present: .present
        case .absent: .absent
        case .null: .null
        case .unchanged: .unchanged
        case .later: .later
        case .contains: .contains
        case .notEarlier: .notEarlier
        case .notContains: .notContains
        case .listEntry: .listEntry
        }
    }

    /// True for checks of the JSON body: they apply only to a non-error answer that has one.
    /// Header and `body: empty` checks apply to every answer.
    public var readsJSONBody: Bool {
        switch self {
        case .header, .bodyEmpty: false
        case .shape, .json, .at, .present, .absent, .null, .unchanged, .later, .contains, .notEarlier, .notContains, .listEntry: true
        }
    }

    /// Where the assertion was written.
    public var location: SourceLocation {
        switch self {
        case .header(let header): header.location
        case .bodyEmpty(let location): location
        case .shape(let name): name.location
        case .json(let value), .at(_, let value), .later(_, let value), .notEarlier(_, let value): value.location
        case .present(let pointer), .absent(let pointer), .null(let pointer): pointer.location
        case .unchanged(let unchanged): unchanged.location
        case .contains(let membership), .notContains(let membership): membership.location
        case .listEntry(let entry): entry.location
        }
    }

    /// A list-membership check: robust where other cases or other clients add items concurrently.
    public struct Membership: Sendable {
        public var array: JSONPointer
        public var item: JSONValue
        public var location: SourceLocation
    }

    public struct Unchanged: Sendable {
        public var snapshot: String
        public var except: [JSONPointer]
        public var location: SourceLocation
    }

    /// `listEntry: {id: "${position.id}", equals: SNAPSHOT, except: [server-managed]}`: exactly one
    /// element of the array at `array` (default `/value`) has this id, and it equals the snapshot
    /// except at the `except` pointers, compared as `unchanged` compares (reference §9.1, §9.3).
    public struct ListEntry: Sendable {
        public var array: JSONPointer
        /// A template resolved at run time, e.g. `${position.id}`.
        public var id: JSONValue
        public var snapshot: String
        public var except: [JSONPointer]
        public var location: SourceLocation
    }
}
