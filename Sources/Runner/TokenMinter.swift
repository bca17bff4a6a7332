import CaseModel
import Foundation
import JSONShape
import TestIssuer

/// Mints test JWTs carrying the claims a Microsoft Graph access token carries (reference §7), so
/// the suite can run against a Graph-compatible server it did not write. Without a signing key
/// they are unsigned (RFC 7519 §6.1: `alg: none`, empty signature), for servers that skip
/// signature checks; with one they are RS256/ES256/HS256 JWS with `kid` = the key's RFC 7638
/// thumbprint, for servers that verify against an issuer's keys. Each token is marked as a test
/// token (`xms_gc_test`); a live Graph rejects all of them.
public struct TokenMinter: Sendable {
    public static let graphAudience = "https://graph.microsoft.com"
    public static let tenantID = "7c3a1f6e-0b2d-4e5f-8a9b-0c1d2e3f4a5b"
    /// The Microsoft identity platform's v2.0 issuer shape; `{tid}` becomes the token's tenant.
    public static let defaultIssuer = "https://login.microsoftonline.com/{tid}/v2.0"

    public var now: @Sendable () -> Date
    /// `iss` for principals that do not name their own (target file `iss:`).
    public var issuer: String = TokenMinter.defaultIssuer
    /// nil: unsigned tokens.
    public private(set) var signingKey: SigningKey?
    /// A key of the same algorithm that nobody published, for the `wrongKey` variant.
    private var strangerKey: SigningKey?

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// The same minter signing with `key`. Signs once here, so a key that cannot sign fails the
    /// run before anything is sent rather than case by case.
    public func signing(with key: SigningKey) throws(SigningKeyError) -> TokenMinter {
        var copy = self
        copy.signingKey = key
        copy.strangerKey = try SigningKey.generate(key.algorithm)
        _ = try key.signature(for: Array("graph-conformance probe".utf8))
        return copy
    }

    public var isSigning: Bool { signingKey != nil }

    /// A token for the principal; `defect` breaks it on purpose for the auth cases.
    public func mint(for principal: PrincipalConfig, in target: TargetFile, defect: TokenDefect? = nil) -> String {
        if defect == .malformed { return "graph-conformance.malformed-test-token" }
        let issuedAt = Int(now().timeIntervalSince1970)
        var notBefore = issuedAt - 60
        var expires = issuedAt + 3600
        var audience = Self.graphAudience
        switch defect {
        case .expired:
            notBefore = issuedAt - 7200
            expires = issuedAt - 3600
        case .notYetValid:
            notBefore = issuedAt + 3600
            expires = issuedAt + 7200
        case .wrongAudience:
            audience = "api://graph-conformance-not-graph"
        case .malformed, .wrongKey, nil:
            break
        }
        // A principal of another tenant (reference §9.2) gets that tenant's `tid`, and its issuer.
        let tenant = principal.tenant ?? Self.tenantID
        var claims: [(key: String, value: JSONValue)] = [
            ("aud", .string(audience)),
            ("iss", .string(Self.expand(principal.issuer ?? issuer, tenant: tenant))),
            ("iat", .int(issuedAt)), ("nbf", .int(notBefore)), ("exp", .int(expires)),
            ("ver", "2.0"), ("tid", .string(tenant)),
            ("appid", "b6e5d4c3-a2b1-4c0d-9e8f-7a6b5c4d3e2f"),
            ("xms_gc_test", "graph-conformance test token, not valid for Microsoft Graph"),
        ]
        if let user = target.user(of: principal.name) {
            claims += [
                ("oid", .string(user.id)), ("sub", .string(user.id)), ("upn", .string(user.upn)),
                ("unique_name", .string(user.upn)), ("name", .string(user.displayName)),
                ("scp", .string(principal.scopes ?? "")), ("idtyp", "user"),
            ]
        } else {
            let appID = principal.appID ?? "00000000-0000-0000-0000-000000000000"
            claims += [
                ("oid", .string(appID)), ("sub", .string(appID)),
                ("roles", .array(principal.roles.map { .string($0) })), ("idtyp", "app"),
            ]
        }
        return encode(.object(JSONObject(claims)), wrongKey: defect == .wrongKey)
    }

    /// Signs (or not) the finished claims.
    private func encode(_ claims: JSONValue, wrongKey: Bool) -> String {
        guard let signingKey else {
            return wrongKey ? CompactJWS.unverifiable(claims: claims) : CompactJWS.unsigned(claims: claims)
        }
        // The wrong-key token names the real key's kid: a forgery a server must catch by verifying,
        // not merely by failing to find the key. `signing(with:)` proved both keys sign.
        let key = wrongKey ? strangerKey ?? signingKey : signingKey
        return (try? CompactJWS.sign(claims: claims, with: key, keyID: signingKey.keyID)) ?? CompactJWS.unverifiable(claims: claims)
    }

    /// The `iss` of principals that do not name their own.
    public var issuerClaim: String { Self.expand(issuer, tenant: Self.tenantID) }

    static func expand(_ issuer: String, tenant: String) -> String {
        issuer.replacingOccurrences(of: "{tid}", with: tenant)
    }
}
