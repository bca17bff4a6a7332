import JSONShape

/// One case file: a suite of cases sharing a classname and per-case fixtures.
public struct CaseFile: Sendable {
    public var path: String
    public var suite: String
    public var classname: String
    public var doc: String?
    public var tags: [String]
    public var principal: String?
    public var setup: [Step]
    public var teardown: [Step]
    public var cases: [CaseDefinition]
}

/// One named case; with a matrix it expands into several test cases.
public struct CaseDefinition: Sendable {
    public var name: String
    public var doc: String?
    public var tags: [String]
    public var principal: String?
    public var when: [PolicyCondition]
    public var matrix: [MatrixAxis]
    public var setup: [Step]
    public var steps: [Step]
    public var teardown: [Step]
    public var note: String?
    public var location: SourceLocation
}

/// `when: {complexPatch: merge}`: run only if the target's policy has one of these values.
public struct PolicyCondition: Sendable {
    public var policy: String
    public var accepted: [JSONValue]
    public var location: SourceLocation
}

/// One axis of a matrix: a named list of values, or the members of a contract enum.
public struct MatrixAxis: Sendable {
    public enum Source: Sendable {
        case values([JSONValue])
        case enumMembers(String)
    }

    public var name: String
    public var source: Source
    public var location: SourceLocation
}

/// One HTTP exchange and what must hold about its answer.
public struct Step: Sendable {
    public enum Body: Sendable {
        case none
        case json(JSONValue)
        case raw(String)
    }

    public var name: String?
    public var principal: String?
    public var method: String
    public var path: String
    public var query: [(name: String, value: JSONValue)]
    /// A nil value removes a default header.
    public var headers: [(name: String, value: String?)]
    public var body: Body
    public var auth: AuthSpec
    public var expect: Expectation
    public var captures: [Capture]
    public var snapshot: String?
    /// A pause before sending (e.g. so a server storing whole seconds shows a later time).
    public var wait: Wait?
    /// `pages: all`: follow `@odata.nextLink` and check the whole list as one body.
    public var allPages: Bool = false
    public var location: SourceLocation
}

/// How long a step pauses before it sends.
public enum Wait: Sendable, Equatable {
    /// A fixed number of seconds.
    case seconds(Double)
    /// Just long enough for a timestamp of this precision to move: 1.1 × 10^-d seconds for d
    /// significant fractional digits (whole seconds → 1.1 s; 7 digits → a fraction of a microsecond).
    case precisionOf(String)
}

/// How a step authorises itself.
public enum AuthSpec: Sendable, Equatable {
    /// `Authorization: Bearer <token of the principal>`.
    case principal
    /// No Authorization header at all.
    case none
    /// The principal's token behind another scheme word, e.g. lower-case `bearer`.
    case scheme(String)
    /// Exactly this header value.
    case header(String)
    /// A minted token for the principal, broken on purpose.
    case brokenToken(TokenDefect)
    /// The same, with the variant named by a variable (e.g. a matrix value), checked at run time.
    case brokenTokenNamed(String)
}

public enum TokenDefect: String, Sendable, CaseIterable {
    case expired, notYetValid, wrongAudience, malformed
    /// Valid claims, signed with a key the target was never given (reference §4.3 "bad signature").
    case wrongKey
}

/// A value kept from a response for later steps: a body pointer or a header.
public struct Capture: Sendable {
    public enum Source: Sendable {
        case body(JSONPointer)
        case header(String)
    }

    public var name: String
    public var source: Source
    public var location: SourceLocation
}
