import JSONShape

/// A target: where to send requests, who the principals are and how each gets its token, and the
/// choices for the points the reference leaves open (policies).
public struct TargetFile: Sendable {
    public var path: String
    public var name: String
    /// `embedded` starts the built-in mock; anything else is a base URL such as
    /// `https://graph.microsoft.com/beta`.
    public var baseURL: String
    public var users: [String: TargetUser]
    public var principals: [String: PrincipalConfig]
    public var policies: [String: JSONValue]
    /// Extra reports to write beside the JUnit file (`reports: [html]`), as `run --report` asks.
    public var reports: [String] = []

    /// The values `reports:` (and `run --report`) accept.
    public static let reportFormats = ["html"]

    public var usesEmbeddedMock: Bool { baseURL == "embedded" }

    /// Documented defaults for the open points (cases/README.md, "Policies"); a target overrides them.
    public static let defaultPolicies: [String: JSONValue] = [
        "complexPatch": "merge",
        "unknownProperty": "reject",
        "scopeDenialStatuses": [401, 403],
        "appOnlyDenialStatuses": [400, 401, 403],
        "patchSuccessStatuses": [200],
        "flagsAudiences": "single",
        // Not a contract point: `signed` when the run signs the tokens it mints (the server is then
        // expected to verify signatures), which the wrong-key auth case waits for.
        "mintedTokens": "unsigned",
        // Reference §9.2: Graph says "not found" (404) for a user of another tenant; a service
        // may instead refuse the token (401) or the access (403). Never 2xx.
        "crossTenantDenialStatuses": [401, 403, 404],
    ]

    /// The user a principal acts as, if it is a delegated principal.
    public func user(of principal: String) -> TargetUser? {
        principals[principal]?.user.flatMap { users[$0] }
    }
}

public struct TargetUser: Sendable, Hashable {
    public var key: String
    public var id: String
    public var upn: String
    public var displayName: String
}

public struct PrincipalConfig: Sendable {
    public var name: String
    /// Key into `users` for delegated principals; nil for an application.
    public var user: String?
    /// The application (service principal) id for app-only principals.
    public var appID: String?
    /// Delegated scopes, space-separated as in the `scp` claim.
    public var scopes: String?
    /// Application permissions, as in the `roles` claim.
    public var roles: [String]
    /// The tenant (`tid`) that issued the principal's token; nil = the target's own tenant.
    /// Minted tokens carry it (and the matching `iss`); live tokens carry their own.
    public var tenant: String? = nil
    public var token: TokenSource
    /// `iss` for this principal's minted tokens, overriding the run's issuer (`{tid}` is expanded).
    public var issuer: String? = nil
    public var isApplication: Bool { user == nil }
}

/// Where a principal's bearer token comes from. The token itself is never stored in a file.
public enum TokenSource: Sendable, Equatable {
    /// Minted by the runner as an unsigned test JWT (for mocks and Graph-compatible servers).
    case mint
    /// Read from an environment variable.
    case environment(String)
    /// Read from a file (trailing newline trimmed).
    case file(String)
    /// The standard output of a shell command, e.g. an `az account get-access-token` call.
    case command(String)
}
