import GraphMock
import JSONShape
import TestIssuer
import Testing

/// The opt-in verifying mode (`serve --verify-issuer`): signature and `iss` on top of the claim
/// checks, and the `skips-signature-check` defect that verifies claims only.
@Suite("Verifying mode")
struct VerificationTests {
    static let issuer = "https://issuer.test/tenant/v2.0"

    static func harness(trusting key: SigningKey, defect: MockDefect? = nil) -> Harness {
        Harness { configuration in
            configuration.tokenVerification = TokenVerification(issuer: issuer, verifier: TokenSignatureVerifier(jwks: OpenIDConfiguration.jwks([key])))
            configuration.defect = defect
        }
    }

    static func signed(_ key: SigningKey, keyID: String? = nil, overrides: [String: JSONValue] = [:]) throws -> String {
        var claims = TestToken.userClaims(overrides: ["iss": .string(issuer)]).objectValue ?? JSONObject()
        for (name, value) in overrides { claims[name] = value }
        return try CompactJWS.sign(claims: .object(claims), with: key, keyID: keyID)
    }

    @Test(arguments: [JWSAlgorithm.rs256, .es256])
    func acceptsOnlyTokensSignedByTheTrustedKeyForTheIssuer(algorithm: JWSAlgorithm) async throws {
        let trusted = try SigningKey.generate(algorithm), stranger = try SigningKey.generate(algorithm)
        let mock = Self.harness(trusting: trusted)
        #expect(await mock.send("GET", "/beta/me/profile/positions", token: try Self.signed(trusted)).status == 200)

        let refused: [(String, String)] = [
            ("unsigned", TestToken.user(overrides: ["iss": .string(Self.issuer)])),
            ("wrong key, right kid", try Self.signed(stranger, keyID: trusted.keyID)),
            ("wrong key, own kid", try Self.signed(stranger)),
            ("wrong issuer", try Self.signed(trusted, overrides: ["iss": "https://login.microsoftonline.com/other/v2.0"])),
            ("expired, signed", try Self.signed(trusted, overrides: ["exp": .int(TestToken.now - 3600)])),
        ]
        for (name, token) in refused {
            let response = await mock.send("GET", "/beta/me/profile/positions", token: token)
            #expect(response.status == 401, "\(name): \(response.bodyText)")
            #expect(response.headers.contains { $0.0 == "WWW-Authenticate" }, "\(name): challenge")
            #expect(errorCode(response) == "InvalidAuthenticationToken", "\(name)")
        }
    }

    @Test func skipsSignatureCheckDefectStillChecksClaims() async throws {
        let trusted = try SigningKey.generate(.es256), stranger = try SigningKey.generate(.es256)
        let mock = Self.harness(trusting: trusted, defect: .skipsSignatureCheck)
        #expect(await mock.send("GET", "/beta/me/profile/positions", token: try Self.signed(stranger, keyID: trusted.keyID)).status == 200)
        #expect(await mock.send("GET", "/beta/me/profile/positions", token: try Self.signed(stranger, overrides: ["iss": "https://elsewhere.test"])).status == 401)
        #expect(await mock.send("GET", "/beta/me/profile/positions", token: try Self.signed(stranger, overrides: ["aud": "api://other"])).status == 401)
    }

    @Test func withoutVerificationSignaturesAreNotLookedAt() async throws {
        let stranger = try SigningKey.generate(.rs256)
        #expect(await Harness().send("GET", "/beta/me/profile/positions", token: try Self.signed(stranger)).status == 200)
    }
}
