/// A request target resolved against the positions routes (reference §1).
struct Route: Sendable {
    enum Subject: Sendable, Equatable {
        case me
        /// `/users/{id | userPrincipalName}`, percent-decoded.
        case user(String)
    }

    /// `beta` or `v1.0`; both behave the same.
    var version: String
    var subject: Subject
    /// nil for the collection.
    var positionID: String?
    /// Decoded query pairs in request order.
    var query: [(name: String, value: String)]

    var isCollection: Bool { positionID == nil }
}
