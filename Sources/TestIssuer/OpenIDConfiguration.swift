import JSONShape

/// The two documents a token validator reads from an authority: OpenID Connect Discovery 1.0 §3
/// (`{issuer}/.well-known/openid-configuration`) and the JWKS it points at (RFC 7517 §5).
public enum OpenIDConfiguration {
    public static let discoveryPath = "/.well-known/openid-configuration"
    public static let jwksPath = "/discovery/v2.0/keys"

    /// The discovery document. The endpoints for interactive flows are required by §3 and point
    /// at paths that answer 404: this issuer hands out no tokens, the suite mints them itself.
    public static func discovery(issuer: String, algorithms: [JWSAlgorithm]) -> JSONValue {
        [
            "issuer": .string(issuer),
            "jwks_uri": .string(issuer + jwksPath),
            "authorization_endpoint": .string(issuer + "/oauth2/v2.0/authorize"),
            "token_endpoint": .string(issuer + "/oauth2/v2.0/token"),
            "response_types_supported": ["id_token", "token id_token"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": .array(algorithms.map { .string($0.rawValue) }),
            "claims_supported": ["aud", "iss", "iat", "nbf", "exp", "tid", "oid", "sub", "upn", "scp", "roles"],
        ]
    }

    /// The JWKS: public keys only; a shared secret is never published.
    public static func jwks(_ keys: [SigningKey]) -> JSONValue {
        ["keys": .array(keys.compactMap(\.publicJWK).map(\.jsonValue))]
    }
}
