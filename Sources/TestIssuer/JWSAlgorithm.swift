/// The JWS algorithms the suite signs and verifies with (RFC 7518 §3.1). Nothing else is accepted
/// when verifying, `none` least of all.
public enum JWSAlgorithm: String, Sendable, CaseIterable {
    /// RSASSA-PKCS1-v1_5 with SHA-256: what Microsoft's identity platform signs with.
    case rs256 = "RS256"
    /// ECDSA with P-256 and SHA-256; the signature is r‖s, 64 bytes (RFC 7518 §3.4).
    case es256 = "ES256"
    /// HMAC with SHA-256 over a shared secret of at least 32 bytes (RFC 7518 §3.2).
    case hs256 = "HS256"
}
