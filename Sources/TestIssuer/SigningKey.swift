import Crypto
import Foundation
import _CryptoExtras

/// A private key (or HS256 secret) the suite signs test tokens with.
///
/// Its `description` names only the algorithm and key id, so a key that ends up in string
/// interpolation, a log or a report never shows its material.
public struct SigningKey: Sendable, CustomStringConvertible {
    /// Unchecked: swift-crypto 3 does not mark its P-256 and symmetric keys Sendable, but both are
    /// immutable values (their storage is never mutated after creation), as is the RSA key.
    enum Material: @unchecked Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case secret(SymmetricKey)
    }

    let material: Material

    public var algorithm: JWSAlgorithm {
        switch material {
        case .rsa: .rs256
        case .p256: .es256
        case .secret: .hs256
        }
    }

    /// The JWK (public key, or the secret for HS256) whose RFC 7638 thumbprint is the key id.
    var thumbprintJWK: JWK {
        switch material {
        case .rsa(let key): JWK(rsa: key.publicKey)
        case .p256(let key): JWK(p256: key.publicKey)
        case .secret(let key): JWK(secret: key)
        }
    }

    /// RFC 7638 thumbprint, the `kid` of every token this key signs.
    public var keyID: String { thumbprintJWK.thumbprint }

    /// What a verifier may publish: the public JWK with `kid`, `use` and `alg`; nil for a shared secret.
    public var publicJWK: JWK? {
        if case .secret = material { return nil }
        return thumbprintJWK
    }

    public var description: String { "\(algorithm.rawValue) key \(keyID)" }

    /// PKCS#8 PEM of the private key, only for writing the issuer's 0600 key file.
    var privateKeyPEM: String? {
        switch material {
        case .rsa(let key): key.pkcs8PEMRepresentation
        case .p256(let key): key.pemRepresentation
        case .secret: nil
        }
    }

    /// Reads a PEM private key: RSA (PKCS#1 or PKCS#8, ≥ 2048 bits) → RS256, EC P-256 → ES256.
    public init(pemFile path: String) throws(SigningKeyError) {
        guard let data = FileManager.default.contents(atPath: path), let pem = String(data: data, encoding: .utf8) else {
            throw .unreadable(path)
        }
        try self.init(pem: pem, origin: path)
    }

    public init(pem: String, origin: String = "the PEM text") throws(SigningKeyError) {
        if let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pem) {
            material = .rsa(key)
        } else if let key = try? P256.Signing.PrivateKey(pemRepresentation: pem) {
            material = .p256(key)
        } else {
            throw .unsupportedPEM(origin)
        }
    }

    /// An HS256 secret; `origin` names where it came from for the error message.
    public init(secret: some DataProtocol, origin: String) throws(SigningKeyError) {
        guard secret.count >= 32 else { throw .secretTooShort(origin, bytes: secret.count) }
        material = .secret(SymmetricKey(data: Data(secret)))
    }

    /// A fresh key pair, for an issuer started without `--key` and for the wrong-key auth case.
    public static func generate(_ algorithm: JWSAlgorithm = .rs256) throws(SigningKeyError) -> SigningKey {
        switch algorithm {
        case .rs256:
            guard let key = try? _RSA.Signing.PrivateKey(keySize: .bits2048) else { throw .signingFailed(algorithm) }
            return SigningKey(material: .rsa(key))
        case .es256:
            return SigningKey(material: .p256(P256.Signing.PrivateKey()))
        case .hs256:
            return SigningKey(material: .secret(SymmetricKey(size: .bits256)))
        }
    }

    init(material: Material) { self.material = material }

    /// The JWS signature over `signingInput` (RFC 7515 §5.1: ASCII of header.payload).
    public func signature(for signingInput: [UInt8]) throws(SigningKeyError) -> [UInt8] {
        do {
            switch material {
            case .rsa(let key):
                return Array(try key.signature(for: signingInput, padding: .insecurePKCS1v1_5).rawRepresentation)
            case .p256(let key):
                return Array(try key.signature(for: signingInput).rawRepresentation)
            case .secret(let key):
                return Array(HMAC<SHA256>.authenticationCode(for: signingInput, using: key))
            }
        } catch {
            throw .signingFailed(algorithm)
        }
    }
}
