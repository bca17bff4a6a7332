/// A user the mock knows, learned from delegated token claims.
struct UserRecord: Sendable {
    var id: String
    var userPrincipalName: String?
    var displayName: String?
}
