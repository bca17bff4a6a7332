import CurlClient
import Foundation
import JSONShape
import TestIssuer
import Testing

/// The issuer on a real socket, read with the suite's libcurl client as a validator would.
@Suite(.timeLimit(.minutes(1))) struct IssuerServerTests {
    static func get(_ url: String) throws -> (status: Int, json: JSONValue?) {
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: url), options: TransferOptions())
        return (response.status, try? JSONParser.value(response.body))
    }

    @Test func discoveryAndJWKSPublishPublicKeysOnly() async throws {
        let rsa = try SigningKey.generate(.rs256), ec = try SigningKey.generate(.es256)
        let server = try await TestIssuerServer.start(keys: [rsa, ec])
        defer { Task { try? await server.shutdown() } }
        #expect(server.issuer == "http://127.0.0.1:\(server.port)")

        let discovery = try Self.get(server.issuer + "/.well-known/openid-configuration")
        #expect(discovery.status == 200)
        let document = try #require(discovery.json)
        #expect(document["issuer"] == .string(server.issuer))
        #expect(document["id_token_signing_alg_values_supported"] == ["RS256", "ES256"])
        let jwksURI = try #require(document["jwks_uri"]?.stringValue)
        #expect(jwksURI.hasPrefix(server.issuer + "/"))

        let jwks = try Self.get(jwksURI)
        #expect(jwks.status == 200)
        let keys = try #require(jwks.json?["keys"]?.arrayValue)
        #expect(keys.map { $0["kid"]?.stringValue } == [rsa.keyID, ec.keyID])
        #expect(keys.allSatisfy { $0["use"] == "sig" })
        #expect(keys.map { $0["alg"] } == ["RS256", "ES256"])
        for key in keys {
            for privateMember in ["d", "p", "q", "dp", "dq", "qi", "k"] { #expect(key[privateMember] == nil) }
        }
        // What a validator does next: verify a token against exactly these documents.
        let token = try CompactJWS.sign(claims: ["oid": "x"], with: ec)
        try TokenSignatureVerifier(jwks: try #require(jwks.json)).verify(token)

        #expect(try Self.get(server.issuer + "/oauth2/v2.0/token").status == 404, "this issuer hands out no tokens")
    }
}
