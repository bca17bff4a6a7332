/// A user the mock knows, learned from delegated token claims.
struct UserRecord: Sendable {
    var id: String
    /// The tenant the user belongs to (the `tid` of the tokens that introduced it).
    var tenantID: String = ""
    var userPrincipalName: String?
    var displayName: String?
}
