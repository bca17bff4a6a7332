import Foundation
import JSONShape

/// Unsigned test tokens (`alg: none`, empty signature), built here rather than by the mock so the
/// tests do not trust the code under test to encode what it decodes.
enum TestToken {
    static let aliceID = "aaaaaaaa-0000-0000-0000-000000000001"
    static let bobID = "bbbbbbbb-0000-0000-0000-000000000002"
    static let appID = "cccccccc-0000-0000-0000-000000000003"

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func encode(_ claims: JSONValue, signature: String = "") -> String {
        let header: JSONValue = ["alg": "none", "typ": "JWT"]
        return base64URL(header.utf8Bytes) + "." + base64URL(claims.utf8Bytes) + "." + signature
    }

    static var now: Int { Int(Date().timeIntervalSince1970) }

    /// Delegated claims; pass overrides to break one thing at a time (`.null` removes a claim).
    static func userClaims(
        oid: String = aliceID, upn: String = "alice@contoso.com", name: String = "Alice Example",
        scp: String = "User.ReadWrite", overrides: [String: JSONValue] = [:]
    ) -> JSONValue {
        let base: JSONValue = [
            "aud": "https://graph.microsoft.com", "iss": "https://sts.windows.net/tid/", "iat": .int(now - 60),
            "nbf": .int(now - 60), "exp": .int(now + 3600), "oid": .string(oid), "upn": .string(upn),
            "name": .string(name), "scp": .string(scp), "idtyp": "user", "ver": "1.0",
        ]
        var claims = base.objectValue ?? JSONObject()
        for (key, value) in overrides { claims[key] = value == .null ? nil : value }
        return .object(claims)
    }

    static func user(
        oid: String = aliceID, upn: String = "alice@contoso.com", name: String = "Alice Example",
        scp: String = "User.ReadWrite", overrides: [String: JSONValue] = [:]
    ) -> String {
        encode(userClaims(oid: oid, upn: upn, name: name, scp: scp, overrides: overrides))
    }

    static var alice: String { user() }
    static var bob: String { user(oid: bobID, upn: "bob@contoso.com", name: "Bob Example") }

    static func app(roles: [String] = ["User.ReadWrite.All"]) -> String {
        encode([
            "aud": "00000003-0000-0000-c000-000000000000", "exp": .int(now + 3600), "nbf": .int(now - 60),
            "oid": .string(appID), "appid": "11111111-2222-3333-4444-555555555555", "app_displayname": "Test App",
            "idtyp": "app", "roles": .array(roles.map(JSONValue.string)),
        ])
    }
}
