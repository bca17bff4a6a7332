import Crypto
import Foundation
import JSONShape
import _CryptoExtras

/// Checks a compact JWS's signature against published public keys (a JWKS) or an HS256 secret,
/// the way token middleware does: `alg` must be one the key supports (never `none`), `kid`
/// selects the key when present.
public struct TokenSignatureVerifier: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notCompactJWS
        case unsupportedAlgorithm(String)
        case unknownKey(String?)
        case badSignature

        public var description: String {
            switch self {
            case .notCompactJWS: "not a compact JWS"
            case .unsupportedAlgorithm(let name): "algorithm '\(name)' is not accepted"
            case .unknownKey(let kid): "no published key " + (kid.map { "with kid '\($0)'" } ?? "fits")
            case .badSignature: "the signature does not verify"
            }
        }
    }

    /// Unchecked for the reason `SigningKey.Material` gives: immutable key values.
    enum PublicKey: @unchecked Sendable {
        case rsa(_RSA.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
        case secret(SymmetricKey)

        var algorithm: JWSAlgorithm {
            switch self {
            case .rsa: .rs256
            case .p256: .es256
            case .secret: .hs256
            }
        }
    }

    let keys: [(kid: String?, key: PublicKey)]

    /// The keys of a JWKS document (`{"keys": [...]}`); entries the suite cannot use are skipped.
    public init(jwks: JSONValue) {
        keys = (jwks["keys"]?.arrayValue ?? []).compactMap(JWK.init(json:)).compactMap(Self.publicKey)
    }

    public init(jwks: [JWK]) {
        keys = jwks.compactMap(Self.publicKey)
    }

    /// An HS256 verifier for a shared secret.
    public init(secret: SigningKey) {
        guard case .secret(let key) = secret.material else {
            keys = []
            return
        }
        keys = [(nil, .secret(key))]
    }

    public var isEmpty: Bool { keys.isEmpty }

    static func publicKey(_ jwk: JWK) -> (kid: String?, key: PublicKey)? {
        let members = jwk.requiredMembers
        switch jwk.keyType {
        case "RSA":
            guard let n = members["n"].flatMap(Base64URL.decode), let e = members["e"].flatMap(Base64URL.decode),
                let key = try? _RSA.Signing.PublicKey(n: n, e: e)
            else { return nil }
            return (jwk.keyID, .rsa(key))
        case "EC":
            guard let x = members["x"].flatMap(Base64URL.decode), let y = members["y"].flatMap(Base64URL.decode),
                x.count == 32, y.count == 32, let key = try? P256.Signing.PublicKey(rawRepresentation: x + y)
            else { return nil }
            return (jwk.keyID, .p256(key))
        default:
            return nil
        }
    }

    /// Succeeds when one of the keys verifies the token's signature; claims are not looked at.
    public func verify(_ token: some StringProtocol) throws(Failure) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]),
            case .object(let header)? = try? JSONParser.value(Array(headerBytes)),
            let signature = Base64URL.decode(parts[2])
        else { throw .notCompactJWS }
        guard let name = header["alg"]?.stringValue, let algorithm = JWSAlgorithm(rawValue: name) else {
            throw .unsupportedAlgorithm(header["alg"]?.stringValue ?? "(missing)")
        }
        let kid = header["kid"]?.stringValue
        let candidates = keys.filter { $0.key.algorithm == algorithm && (kid == nil || $0.kid == nil || $0.kid == kid) }
        guard !candidates.isEmpty else {
            if keys.contains(where: { $0.key.algorithm == algorithm }) { throw .unknownKey(kid) }
            throw .unsupportedAlgorithm(name)
        }
        let signingInput = Array((parts[0] + "." + parts[1]).utf8)
        for candidate in candidates where Self.isValid(signature, for: signingInput, with: candidate.key) { return }
        throw .badSignature
    }

    static func isValid(_ signature: Data, for input: [UInt8], with key: PublicKey) -> Bool {
        switch key {
        case .rsa(let key):
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: input, padding: .insecurePKCS1v1_5)
        case .p256(let key):
            guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: input)
        case .secret(let key):
            return HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: input, using: key)
        }
    }
}
