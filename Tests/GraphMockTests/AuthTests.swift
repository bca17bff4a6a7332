import GraphMock
import JSONShape
import Testing

@Suite("Authentication")
struct AuthTests {
    static let challenge =
        #"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000""#

    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var authorization: String?
        var message: String
        var testDescription: String { name }
    }

    static let now = TestToken.now
    static let rows: [Row] = [
        Row(name: "missing header", authorization: nil, message: "Access token is empty."),
        Row(name: "empty bearer", authorization: "Bearer ", message: "Access token is empty."),
        Row(name: "Basic scheme", authorization: "Basic dXNlcjpwYXNz", message: "Access token is empty."),
        Row(name: "two parts", authorization: "Bearer abc.def", message: "CompactToken parsing failed with error code: 80049217"),
        Row(name: "not base64", authorization: "Bearer !!!.???.", message: "CompactToken parsing failed with error code: 80049217"),
        Row(
            name: "payload not an object",
            authorization: "Bearer " + TestToken.base64URL(Array(#"{"alg":"none"}"#.utf8)) + "."
                + TestToken.base64URL(Array("[1]".utf8)) + ".",
            message: "CompactToken parsing failed with error code: 80049217"),
        Row(
            name: "expired", authorization: "Bearer " + TestToken.user(overrides: ["exp": .int(now - 301 - 60)]),
            message: "Lifetime validation failed, the token is expired."),
        Row(
            name: "not yet valid", authorization: "Bearer " + TestToken.user(overrides: ["nbf": .int(now + 301 + 60)]),
            message: "Lifetime validation failed, the token is not yet valid."),
        Row(
            name: "absurd nbf", authorization: "Bearer " + TestToken.user(overrides: ["nbf": .number(JSONNumber(literal: "1e300"))]),
            message: "Lifetime validation failed, the token is not yet valid."),
        Row(
            name: "wrong audience", authorization: "Bearer " + TestToken.user(overrides: ["aud": "https://outlook.office.com"]),
            message: "Access token validation failure. Invalid audience."),
        Row(
            name: "missing audience", authorization: "Bearer " + TestToken.user(overrides: ["aud": .null]),
            message: "Access token validation failure. Invalid audience."),
        Row(
            name: "missing oid", authorization: "Bearer " + TestToken.user(overrides: ["oid": .null]),
            message: "Access token validation failure. The token has no oid claim."),
    ]

    @Test("401 with challenge and Graph error body", arguments: rows)
    func rejected(_ row: Row) async throws {
        let harness = Harness()
        let headers = row.authorization.map { [("Authorization", $0)] } ?? []
        let response = await harness.send("GET", "/beta/me/profile/positions", token: nil, headers: headers)
        #expect(response.status == 401)
        #expect(response.header("WWW-Authenticate") == Self.challenge)
        #expect(response.header("Content-Type") == "application/json")
        let body = try json(response)
        #expect(body["error"]?["code"] == "InvalidAuthenticationToken")
        #expect(body["error"]?["message"]?.stringValue == row.message)
    }

    @Test("accepted token forms", arguments: [
        ("lowercase scheme", "bearer " + TestToken.alice),
        ("upper-case scheme", "BEARER " + TestToken.alice),
        ("any signature", "Bearer " + TestToken.encode(TestToken.userClaims(), signature: "c2lnbmF0dXJl")),
        ("within skew after exp", "Bearer " + TestToken.user(overrides: ["exp": .int(now - 200)])),
        ("within skew before nbf", "Bearer " + TestToken.user(overrides: ["nbf": .int(now + 200)])),
        ("app-id audience", "Bearer " + TestToken.user(overrides: ["aud": "00000003-0000-0000-c000-000000000000"])),
        ("audience with slash", "Bearer " + TestToken.user(overrides: ["aud": "https://graph.microsoft.com/"])),
        ("audience array", "Bearer " + TestToken.user(overrides: ["aud": ["x", "https://graph.microsoft.com"]])),
        ("preferred_username", "Bearer " + TestToken.user(overrides: ["upn": .null, "preferred_username": "alice@contoso.com"])),
    ])
    func accepted(_ name: String, _ authorization: String) async throws {
        let response = await Harness().send("GET", "/beta/me/profile/positions", token: nil, headers: [("Authorization", authorization)])
        #expect(response.status == 200, "\(name): \(response.bodyText)")
    }

    @Test func usersAreLearnedFromClaims() async throws {
        let harness = Harness()
        _ = await harness.send("GET", "/beta/me/profile/positions", token: TestToken.bob)
        let id = try await harness.create(token: TestToken.bob)
        // Alice cannot see Bob without .All; with User.Read.All she can, by id or any-case UPN.
        let readAll = TestToken.user(scp: "User.Read.All")
        for key in [TestToken.bobID, "bob@contoso.com", "BOB@Contoso.COM", "bob%40contoso.com"] {
            let response = await harness.send("GET", "/beta/users/\(key)/profile/positions/\(id)", token: readAll)
            #expect(response.status == 200, "\(key): \(response.bodyText)")
        }
        let unknown = await harness.send("GET", "/beta/users/nobody@contoso.com/profile/positions", token: readAll)
        #expect(unknown.status == 404)
        #expect(errorCode(unknown) == "Request_ResourceNotFound")
    }

    @Test func createdByCarriesCallerIdentity() async throws {
        let harness = Harness()
        let id = try await harness.create()
        let entity = try await harness.get(id)
        let expected: JSONValue = ["user": ["displayName": "Alice Example", "id": .string(TestToken.aliceID)]]
        #expect(entity["createdBy"] == expected)
        #expect(entity["lastModifiedBy"] == expected)
    }
}
