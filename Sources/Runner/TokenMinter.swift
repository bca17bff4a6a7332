import CaseModel
import Foundation
import JSONShape

/// Mints unsigned test JWTs (RFC 7519 §6.1: `alg: none`, empty signature) carrying the claims a
/// Microsoft Graph access token carries (reference §7), so the suite can run against a
/// Graph-compatible server it did not write. Each token is marked as a test token (`xms_gc_test`);
/// a live Graph rejects all of them.
public struct TokenMinter: Sendable {
    public static let graphAudience = "https://graph.microsoft.com"
    public static let tenantID = "7c3a1f6e-0b2d-4e5f-8a9b-0c1d2e3f4a5b"

    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

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
        case .malformed, nil:
            break
        }
        // A principal of another tenant (reference §9.2) gets that tenant's `tid` and issuer.
        let tenant = principal.tenant ?? Self.tenantID
        var claims: [(key: String, value: JSONValue)] = [
            ("aud", .string(audience)),
            ("iss", .string("https://sts.windows.net/\(tenant)/")),
            ("iat", .int(issuedAt)), ("nbf", .int(notBefore)), ("exp", .int(expires)),
            ("ver", "1.0"), ("tid", .string(tenant)),
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
        let header: JSONValue = ["alg": "none", "typ": "JWT"]
        return Self.base64URL(header.utf8Bytes) + "." + Self.base64URL(JSONValue.object(JSONObject(claims)).utf8Bytes) + "."
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
