import Foundation
import JSONShape

/// The claims of tokens already decoded, by token text: a client sends the same bearer token on
/// every request, and decoding it (base64url, two JSON parses) was a fifth of the mock's CPU.
/// Only the decoding is remembered; expiry, audience and signature are still checked per request.
final class TokenClaimsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var claims: [Substring: JSONObject] = [:]
    /// Tokens are few in a test run; a flood of distinct ones only empties the cache.
    private let capacity = 1_024

    func claims(of token: Substring, decode: (Substring) -> JSONObject?) -> JSONObject? {
        if let known = lock.withLock({ claims[token] }) { return known }
        guard let decoded = decode(token) else { return nil }
        lock.withLock {
            if claims.count >= capacity { claims.removeAll(keepingCapacity: true) }
            claims[token] = decoded
        }
        return decoded
    }
}
