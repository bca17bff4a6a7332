import Foundation
import TestSupport
import JSONShape
import TestIssuer
import Testing

/// Keys from PEM files, RFC 7638 key ids, signatures that verify and forgeries that do not.
@Suite struct SigningKeyTests {
    /// RFC 7638 §3.1: the example RSA key and its published thumbprint.
    @Test func thumbprintMatchesRFC7638Example() throws {
        let jwk = try #require(JWK(json: [
            "kty": "RSA",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB", "alg": "RS256", "kid": "2011-04-29",
        ]))
        #expect(jwk.thumbprint == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }

    @Test(.enabled(if: OpenSSLKeys.openssl != nil), arguments: OpenSSLKeys.Kind.allCases)
    func opensslKeysSignAndVerify(kind: OpenSSLKeys.Kind) throws {
        let path = try OpenSSLKeys.make(kind)
        let key = try SigningKey(pemFile: path)
        #expect(key.algorithm == ([.rsaPKCS8, .rsaPKCS1].contains(kind) ? .rs256 : .es256))
        let jwk = try #require(key.publicJWK)
        #expect(jwk.keyID == key.keyID && key.keyID == jwk.thumbprint)

        let claims: JSONValue = ["aud": "https://graph.microsoft.com", "oid": "x"]
        let token = try CompactJWS.sign(claims: claims, with: key)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let header = try JSONParser.value(Array(try #require(Base64URL.decode(parts[0]))))
        #expect(header == ["alg": .string(key.algorithm.rawValue), "kid": .string(key.keyID), "typ": "JWT"])

        let verifier = TokenSignatureVerifier(jwks: OpenIDConfiguration.jwks([key]))
        try verifier.verify(token)
        // A changed payload, another key under the same kid, no signature, alg none: all refused.
        let tampered = parts[0] + "." + Base64URL.encode(Array(#"{"aud":"https://graph.microsoft.com","oid":"y"}"#.utf8)) + "." + parts[2]
        #expect(throws: TokenSignatureVerifier.Failure.badSignature) { try verifier.verify(tampered) }
        let stranger = try SigningKey.generate(key.algorithm)
        let forged = try CompactJWS.sign(claims: claims, with: stranger, keyID: key.keyID)
        #expect(throws: TokenSignatureVerifier.Failure.badSignature) { try verifier.verify(forged) }
        #expect(throws: TokenSignatureVerifier.Failure.badSignature) { try verifier.verify(parts[0] + "." + parts[1] + ".") }
        #expect(throws: TokenSignatureVerifier.Failure.unsupportedAlgorithm("none")) { try verifier.verify(CompactJWS.unsigned(claims: claims)) }
        #expect(throws: TokenSignatureVerifier.Failure.unknownKey("other")) {
            try verifier.verify(CompactJWS.sign(claims: claims, with: stranger, keyID: "other"))
        }
    }

    @Test func hmacSecretsNeedThirtyTwoBytes() throws {
        #expect(throws: SigningKeyError.self) { try SigningKey(secret: Array("too-short-secret".utf8), origin: "GC_SECRET") }
        let secret = Array("0123456789abcdef0123456789abcdef".utf8)
        let key = try SigningKey(secret: secret, origin: "GC_SECRET")
        #expect(key.algorithm == .hs256 && key.publicJWK == nil)
        #expect(OpenIDConfiguration.jwks([key]) == ["keys": []], "a shared secret is never published")
        let token = try CompactJWS.sign(claims: ["oid": "x"], with: key)
        try TokenSignatureVerifier(secret: key).verify(token)
        let other = try SigningKey(secret: Array("0123456789abcdef0123456789abcdeX".utf8), origin: "other")
        #expect(throws: TokenSignatureVerifier.Failure.badSignature) { try TokenSignatureVerifier(secret: other).verify(token) }
    }

    @Test(.enabled(if: OpenSSLKeys.openssl != nil)) func keyMaterialNeverReachesDescriptionsOrJWKS() throws {
        let path = try OpenSSLKeys.make(.rsaPKCS8)
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        let key = try SigningKey(pemFile: path)
        let bodyLines = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        let shown = ["\(key)", String(describing: key), String(reflecting: key), OpenIDConfiguration.jwks([key]).rendered()]
        for text in shown {
            for line in bodyLines { #expect(!text.contains(line), "a PEM line leaked into \(text.prefix(60))") }
        }
        let published = try #require(OpenIDConfiguration.jwks([key])["keys"]?.arrayValue?.first?.objectValue)
        #expect(Set(published.keys) == ["kty", "n", "e", "kid", "use", "alg"], "public members only")
    }

    @Test func generatedKeyFileIsPrivateAndNeverOverwritten() throws {
        let key = try SigningKey.generate(.es256)
        let path = try SigningKey.newKeyPath()
        #expect(try key.writePrivateKey(to: path) == path)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let reloaded = try SigningKey(pemFile: path)
        #expect(reloaded.keyID == key.keyID, "the file holds the same key")
        #expect(throws: SigningKeyError.self) { try key.writePrivateKey(to: path) }
    }

    @Test func unsupportedFilesAreNamedWithoutTheirContent() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gc-notakey-\(UUID().uuidString).pem").path
        try "-----BEGIN PRIVATE KEY-----\nSECRETSTUFF\n-----END PRIVATE KEY-----\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SigningKey(pemFile: path)
            Issue.record("a broken PEM must not load")
        } catch {
            #expect(error.message.contains(path) && !error.message.contains("SECRETSTUFF"))
        }
    }
}
