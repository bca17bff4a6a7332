import JSONShape
import TestIssuer

/// The mock's opt-in verifying mode (`serve --verify-issuer URL`): what token middleware in front
/// of a real Graph-compatible server checks beyond the claims the mock always checks — the
/// signature against the issuer's published keys, and `iss`.
public struct TokenVerification: Sendable {
    /// The `iss` every token must carry, the issuer's discovery `issuer` member.
    public var issuer: String
    public var verifier: TokenSignatureVerifier

    public init(issuer: String, verifier: TokenSignatureVerifier) {
        self.issuer = issuer
        self.verifier = verifier
    }

    /// Throws the 401 a verifying server sends; `skipSignature` is the `skips-signature-check` defect.
    func check(_ token: Substring, claims: JSONObject, skipSignature: Bool) throws(GraphError) {
        if !skipSignature {
            do {
                try verifier.verify(token)
            } catch {
                throw .tokenSignatureInvalid
            }
        }
        guard claims["iss"]?.stringValue == issuer else { throw .tokenWrongIssuer }
    }
}
