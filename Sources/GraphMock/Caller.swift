/// Who is calling, as read from the access token's claims (reference §7).
struct Caller: Sendable {
    /// `oid`: the user's (or service principal's) object id, which is the Graph user id.
    var objectID: String
    /// `upn`, `preferred_username` or `unique_name`; nil for app-only tokens.
    var userPrincipalName: String?
    /// `name` (users) or `app_displayname` (apps).
    var displayName: String?
    /// `appid` / `azp`, used as the identity of app-only writers.
    var appID: String?
    /// Delegated tokens carry `scp`; tokens without it are app-only.
    var isAppOnly: Bool
    /// `scp` split on spaces (delegated) or `roles` (app-only).
    var permissions: Set<String>
    /// `tid`: the tenant that issued the token; users resolve only within it (reference §9.2).
    /// Tokens without one all share the empty tenant.
    var tenantID: String = ""

    /// The user the `auth-not-checked` defect lets in when the token is missing or invalid.
    static let defaultUser = Caller(
        objectID: "00000000-0000-0000-0000-0000000000d0", userPrincipalName: "default.user@contoso.com",
        displayName: "Default User", appID: nil, isAppOnly: false, permissions: ["User.ReadWrite.All"])
}
