@testable import GraphMock
import JSONShape
import Testing

/// The mock remembers decoded claims per token text, but never the verdict: a token that was
/// accepted must still be refused once it has expired, and a malformed one is refused every time.
@Suite struct TokenClaimsCacheTests {
    @Test func aCachedTokenIsStillCheckedForExpiryOnEveryRequest() throws {
        let expiresAt = TestToken.now + 600
        let token = TestToken.encode(TestToken.userClaims(overrides: ["exp": .int(expiresAt)]))
        let cache = TokenClaimsCache()
        var configuration = MockConfiguration()
        configuration.clockSkewSeconds = 0
        let authenticator = TokenAuthenticator(configuration: configuration, claimsCache: cache)
        let before = Timestamp(ticks: Int64(expiresAt - 60) * Timestamp.ticksPerSecond)
        let after = Timestamp(ticks: Int64(expiresAt + 60) * Timestamp.ticksPerSecond)

        #expect(try authenticator.authenticate("Bearer \(token)", now: before).objectID == TestToken.aliceID)
        #expect(try authenticator.authenticate("Bearer \(token)", now: before).objectID == TestToken.aliceID)
        #expect(throws: GraphError.self) { try authenticator.authenticate("Bearer \(token)", now: after) }
    }

    @Test func malformedTokensAreRefusedEveryTimeAndNotRemembered() {
        let cache = TokenClaimsCache()
        var decodes = 0
        for _ in 0..<3 {
            let claims = cache.claims(of: "not.a-token") { token in
                decodes += 1
                return TokenAuthenticator.decodeClaims(token)
            }
            #expect(claims == nil)
        }
        #expect(decodes == 3)
        let token = TestToken.encode(TestToken.userClaims())[...]
        for _ in 0..<3 {
            #expect(cache.claims(of: token) { decodes += 1; return TokenAuthenticator.decodeClaims($0) }?["oid"] == .string(TestToken.aliceID))
        }
        #expect(decodes == 4)
    }
}
