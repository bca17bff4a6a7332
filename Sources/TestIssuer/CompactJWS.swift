import JSONShape

/// Builds compact JWS tokens (RFC 7515 §7.1): `base64url(header).base64url(payload).base64url(sig)`.
public enum CompactJWS {
    /// Signs the claims with `key`; the header is `{alg, kid, typ: JWT}`.
    /// `keyID` overrides the header's `kid` (the wrong-key forgery names the real key's).
    public static func sign(claims: JSONValue, with key: SigningKey, keyID: String? = nil) throws(SigningKeyError) -> String {
        let header: JSONValue = ["alg": .string(key.algorithm.rawValue), "kid": .string(keyID ?? key.keyID), "typ": "JWT"]
        let signingInput = Base64URL.encode(header.utf8Bytes) + "." + Base64URL.encode(claims.utf8Bytes)
        let signature = try key.signature(for: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// The unsigned form (RFC 7519 §6.1: `alg: none`, empty signature), for servers that skip checks.
    public static func unsigned(claims: JSONValue) -> String {
        let header: JSONValue = ["alg": "none", "typ": "JWT"]
        return Base64URL.encode(header.utf8Bytes) + "." + Base64URL.encode(claims.utf8Bytes) + "."
    }

    /// Claims an RS256 signature by a key nobody published and carries 256 random bytes instead:
    /// what the `wrongKey` variant sends when the run has no key to forge with.
    public static func unverifiable(claims: JSONValue) -> String {
        let header: JSONValue = ["alg": "RS256", "kid": "graph-conformance-unpublished-key", "typ": "JWT"]
        let noise = (0..<256).map { _ in UInt8.random(in: 0...255) }
        return Base64URL.encode(header.utf8Bytes) + "." + Base64URL.encode(claims.utf8Bytes) + "." + Base64URL.encode(noise)
    }
}
