import CaseModel
import Foundation
import JSONShape
@testable import Runner
import TestIssuer
import Testing

/// Signed minting (RS256/ES256/HS256): the header, the claims, the issuer, and the variants.
@Suite struct SignedTokenTests {
    static func decode(_ part: Substring) throws -> JSONValue {
        try JSONParser.value(Array(try #require(Base64URL.decode(part))))
    }

    static func keys() throws -> [SigningKey] {
        [try SigningKey.generate(.rs256), try SigningKey.generate(.es256),
         try SigningKey(secret: Array("a-shared-secret-of-at-least-32-bytes".utf8), origin: "test")]
    }

    static func verifier(for key: SigningKey) -> TokenSignatureVerifier {
        key.algorithm == .hs256 ? TokenSignatureVerifier(secret: key) : TokenSignatureVerifier(jwks: OpenIDConfiguration.jwks([key]))
    }

    @Test func signedTokensCarryKidTypAndVerify() throws {
        let target = try TokenTests.target(principals: "  readWrite: {user: adele, scp: User.ReadWrite, token: {mint: true}}")
        let principal = try #require(target.principals["readWrite"])
        for key in try Self.keys() {
            let minter = try TokenMinter().signing(with: key)
            let token = minter.mint(for: principal, in: target)
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3 && !parts[2].isEmpty)
            #expect(try Self.decode(parts[0]) == ["alg": .string(key.algorithm.rawValue), "kid": .string(key.keyID), "typ": "JWT"])
            let claims = try Self.decode(parts[1])
            #expect(claims["oid"] == "11111111-2222-3333-4444-555555555555" && claims["scp"] == "User.ReadWrite")
            #expect(claims["aud"] == "https://graph.microsoft.com" && claims["xms_gc_test"] != nil)
            try Self.verifier(for: key).verify(token)

            // The negative variants are signed too; wrongKey names the real kid but does not verify.
            for defect in [TokenDefect.expired, .notYetValid, .wrongAudience] {
                try Self.verifier(for: key).verify(minter.mint(for: principal, in: target, defect: defect))
            }
            let forged = minter.mint(for: principal, in: target, defect: .wrongKey)
            #expect(try Self.decode(forged.split(separator: ".")[0])["kid"] == .string(key.keyID))
            #expect(try Self.decode(forged.split(separator: ".")[1]) ["oid"] == claims["oid"], "claims are the valid ones")
            #expect(throws: TokenSignatureVerifier.Failure.badSignature) { try Self.verifier(for: key).verify(forged) }
        }
    }

    @Test func issuerComesFromTheRunOrThePrincipal() throws {
        let target = try TokenTests.target(principals: """
              readWrite: {user: adele, scp: User.ReadWrite}
              elsewhere: {user: adele, scp: User.ReadWrite, iss: "https://sts.windows.net/{tid}/"}
            """)
        var minter = TokenMinter()
        minter.issuer = "http://127.0.0.1:9400"
        let run = try TokenTests.claims(of: minter.mint(for: try #require(target.principals["readWrite"]), in: target))
        #expect(run["iss"] == "http://127.0.0.1:9400")
        let own = try TokenTests.claims(of: minter.mint(for: try #require(target.principals["elsewhere"]), in: target))
        #expect(own["iss"] == .string("https://sts.windows.net/\(TokenMinter.tenantID)/"))
    }

    @Test func unsignedRunsStillMintAnUnverifiableWrongKeyToken() throws {
        let target = try TokenTests.target(principals: "  readWrite: {user: adele, scp: User.ReadWrite}")
        let token = TokenMinter().mint(for: try #require(target.principals["readWrite"]), in: target, defect: .wrongKey)
        let header = try Self.decode(token.split(separator: ".")[0])
        #expect(header["alg"] == "RS256")
        #expect(throws: TokenSignatureVerifier.Failure.self) {
            try TokenSignatureVerifier(jwks: OpenIDConfiguration.jwks([try SigningKey.generate(.rs256)])).verify(token)
        }
    }
}
