import Crypto
import Foundation
import JSONShape
import _CryptoExtras

/// A JSON Web Key (RFC 7517) as the suite publishes and reads it: RSA and EC P-256 public keys,
/// and (never published) HS256 secrets, which exist here only to compute their thumbprint.
public struct JWK: Sendable, Equatable {
    /// The members that define the key, by name, as RFC 7638 §3.2 lists them per `kty`.
    public var requiredMembers: [String: String]
    public var keyID: String?

    public var keyType: String { requiredMembers["kty"] ?? "" }

    init(rsa key: _RSA.Signing.PublicKey) {
        // getKeyPrimitives cannot fail for a key that signs; an empty member would only make the
        // thumbprint differ, never expose anything.
        let primitives = try? key.getKeyPrimitives()
        requiredMembers = [
            "kty": "RSA",
            "n": Base64URL.encode(Self.unsignedBigEndian(primitives?.modulus ?? Data())),
            "e": Base64URL.encode(Self.unsignedBigEndian(primitives?.publicExponent ?? Data())),
        ]
        keyID = thumbprint
    }

    init(p256 key: P256.Signing.PublicKey) {
        let raw = key.rawRepresentation  // x ‖ y, 32 bytes each
        requiredMembers = [
            "kty": "EC", "crv": "P-256",
            "x": Base64URL.encode(raw.prefix(32)), "y": Base64URL.encode(raw.suffix(32)),
        ]
        keyID = thumbprint
    }

    init(secret: SymmetricKey) {
        requiredMembers = ["kty": "oct", "k": secret.withUnsafeBytes { Base64URL.encode(Data($0)) }]
        keyID = nil
    }

    /// RFC 7638 §3: SHA-256 over the required members in lexicographic order, no whitespace,
    /// base64url-encoded. Every member value here is base64url or a fixed name, so no escaping is needed.
    public var thumbprint: String {
        let canonical = "{" + requiredMembers.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
        return Base64URL.encode(Array(SHA256.hash(data: Array(canonical.utf8))))
    }

    /// The algorithm this key type signs with here.
    public var algorithm: JWSAlgorithm? {
        switch keyType {
        case "RSA": .rs256
        case "EC": .es256
        default: nil
        }
    }

    /// The JWKS entry: the public members plus `kid`, `use: sig` and `alg` (RFC 7517 §4).
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = requiredMembers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }
        if let keyID { members.append(("kid", .string(keyID))) }
        members.append(("use", "sig"))
        if let algorithm { members.append(("alg", .string(algorithm.rawValue))) }
        return .object(JSONObject(members))
    }

    /// Reads one JWKS entry; nil for key types or curves the suite does not verify with.
    public init?(json: JSONValue) {
        guard let kty = json["kty"]?.stringValue else { return nil }
        let names: [String] = switch kty {
        case "RSA": ["n", "e"]
        case "EC": ["crv", "x", "y"]
        default: []
        }
        guard !names.isEmpty else { return nil }
        var members = ["kty": kty]
        for name in names {
            guard let value = json[name]?.stringValue else { return nil }
            members[name] = value
        }
        if kty == "EC", members["crv"] != "P-256" { return nil }
        requiredMembers = members
        keyID = json["kid"]?.stringValue
    }

    /// JWK integers are unsigned big-endian without leading zero octets (RFC 7518 §6.3.1.1).
    static func unsignedBigEndian(_ bytes: Data) -> Data {
        let trimmed = bytes.drop { $0 == 0 }
        return trimmed.isEmpty ? Data([0]) : Data(trimmed)
    }
}
