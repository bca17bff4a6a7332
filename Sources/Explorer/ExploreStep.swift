import JSONShape

/// One API call of a sequence. Positions are named by handle (`p1`, `p2`, …) rather than id, so a
/// sequence is data that can be replayed, shrunk and written as a case on any target.
public struct ExploreStep: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case create(handle: String, body: JSONValue)
        case patch(handle: String, body: PatchBody)
        case get(handle: String)
        case list
        case delete(handle: String)
    }

    /// How the collection is addressed (reference §1): `/me`, `/users/{id}` or `/users/{upn}` of
    /// the user behind `owner` (a principal name of the target).
    public enum Address: String, Sendable, Hashable {
        case me, userID, userPrincipalName
    }

    /// Principal that sends the request.
    public var principal: String
    /// Principal whose user's collection the path names.
    public var owner: String
    public var address: Address
    public var action: Action

    var handle: String? {
        switch action {
        case .create(let handle, _), .patch(let handle, _), .get(let handle), .delete(let handle): handle
        case .list: nil
        }
    }

    public var method: String {
        switch action {
        case .create: "POST"
        case .patch: "PATCH"
        case .get, .list: "GET"
        case .delete: "DELETE"
        }
    }
}

/// A PATCH body: JSON the model can interpret, or bytes that are not a JSON object at all.
public enum PatchBody: Sendable, Hashable {
    /// `kind` says what the generator meant, so the model need not guess from the value.
    case json(JSONValue, kind: BodyKind)
    /// Sent verbatim (malformed JSON, a JSON array, a missing Content-Type).
    case raw(String, contentType: String?)

    public enum BodyKind: String, Sendable, Hashable {
        /// Settable members with values their types allow.
        case valid
        /// Valid, plus server-managed members (reference §8.4: ignored or rejected, never applied).
        case readOnly
        /// Valid, plus a member no type declares (policy `unknownProperty`).
        case unknownMember
        /// A value its declared type does not allow (wrong JSON type, enum member, date, range).
        case invalid
    }
}

/// Steps in order; a group of steps runs at once on one position, from different connections.
public enum ExploreOp: Sendable, Hashable {
    case single(ExploreStep)
    case concurrent([ExploreStep])

    public var steps: [ExploreStep] {
        switch self {
        case .single(let step): [step]
        case .concurrent(let steps): steps
        }
    }
}

/// One generated sequence: what `explore` runs, shrinks and writes out.
public struct ExploreSequence: Sendable, Hashable {
    /// Position in the run (stream index of the seed), for the report.
    public var index: Int
    public var ops: [ExploreOp]

    public var stepCount: Int { ops.reduce(0) { $0 + $1.steps.count } }

    /// True when every step names a position an earlier step created (shrinking may drop a create).
    var isWellFormed: Bool {
        var created: Set<String> = []
        for op in ops {
            for step in op.steps {
                if case .create(let handle, _) = step.action {
                    guard case .single = op, created.insert(handle).inserted else { return false }
                } else if let handle = step.handle, !created.contains(handle) {
                    return false
                }
            }
        }
        return true
    }
}
