/// Why a key could not be loaded or used. Messages name the file or variable, never key material.
public struct SigningKeyError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }

    static func unreadable(_ path: String) -> Self {
        Self("cannot read the signing key file \(path)")
    }

    static func unsupportedPEM(_ path: String) -> Self {
        Self("\(path) holds no supported private key: expected a PEM RSA key of at least 2048 bits (RS256) or an EC P-256 key (ES256)")
    }

    static func secretTooShort(_ name: String, bytes: Int) -> Self {
        Self("the HS256 secret in \(name) has \(bytes) bytes; at least 32 are required (RFC 7518 §3.2)")
    }

    static func signingFailed(_ algorithm: JWSAlgorithm) -> Self {
        Self("the \(algorithm.rawValue) signature could not be computed")
    }
}
