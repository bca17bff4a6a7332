import GraphMock
import JSONShape
import Testing

/// Reference §9.1–§9.2 on the faithful mock: users resolve in the caller's tenant only, and an id
/// is looked up in the addressed user's collection only.
@Suite struct TenantIsolationTests {
    static let tenantA = DefectTests.tenantA
    static let tenantB = DefectTests.tenantB
    static var aliceInA: String { DefectTests.aliceInA }
    static var outsiderInB: String { DefectTests.outsiderInB }
    static var adminInA: String {
        TestToken.user(oid: "eeeeeeee-0000-0000-0000-000000000005", upn: "admin@contoso.com", name: "Admin",
                       scp: "User.ReadWrite.All", overrides: ["tid": .string(tenantA)])
    }
    static var appInB: String {
        TestToken.encode([
            "aud": "https://graph.microsoft.com", "exp": .int(TestToken.now + 3600), "oid": "ffffffff-0000-0000-0000-000000000006",
            "tid": .string(tenantB), "roles": ["User.ReadWrite.All"], "idtyp": "app",
        ])
    }

    struct Attempt: Sendable, CustomTestStringConvertible {
        var method: String
        var item: Bool
        var byUPN: Bool
        var testDescription: String { "\(method) \(item ? "item" : "list") by \(byUPN ? "upn" : "id")" }
    }

    static let attempts: [Attempt] = ["GET", "PATCH", "DELETE", "POST"].flatMap { method in
        [false, true].flatMap { byUPN in
            method == "POST" ? [Attempt(method: method, item: false, byUPN: byUPN)]
                : method == "GET" ? [Attempt(method: method, item: false, byUPN: byUPN), Attempt(method: method, item: true, byUPN: byUPN)]
                : [Attempt(method: method, item: true, byUPN: byUPN)]
        }
    }

    @Test("another tenant's User.ReadWrite.All gets 404 and changes nothing", arguments: attempts)
    func outsiderIsNotFound(_ attempt: Attempt) async throws {
        let harness = Harness()
        let id = try await harness.create(token: Self.aliceInA)
        let before = try await harness.get(id, token: Self.aliceInA)
        let user = attempt.byUPN ? "alice@contoso.com" : TestToken.aliceID
        let path = harness.userPath(user) + (attempt.item ? "/\(id)" : "")
        let body: JSONValue? = ["PATCH", "POST"].contains(attempt.method) ? ["isCurrent": true, "categories": ["foreign"]] : nil
        for token in [Self.outsiderInB, Self.appInB] {
            let response = await harness.send(attempt.method, path, token: token, body: body)
            #expect(response.status == 404, "\(response.bodyText)")
            #expect(errorCode(response) == "Request_ResourceNotFound")
        }
        #expect(try await harness.get(id, token: Self.aliceInA) == before)
        let list = try json(await harness.send("GET", harness.userPath("me"), token: Self.aliceInA))
        #expect(list["value"]?.arrayValue?.count == 1)
    }

    @Test func theSameTenantsAdministratorStillReachesTheUser() async throws {
        let harness = Harness()
        let id = try await harness.create(token: Self.aliceInA)
        let response = await harness.send("GET", harness.userPath(TestToken.aliceID) + "/\(id)", token: Self.adminInA)
        #expect(response.status == 200, "\(response.bodyText)")
    }

    @Test func crossTenant403AnswersForbiddenOnlyForUsersOfAnotherTenant() async throws {
        let harness = Harness { $0.variants = [.crossTenant403] }
        _ = try await harness.create(token: Self.aliceInA)
        #expect(await harness.send("GET", harness.userPath(TestToken.aliceID), token: Self.outsiderInB).status == 403)
        #expect(await harness.send("GET", harness.userPath(TestToken.bobID), token: Self.outsiderInB).status == 404)
    }

    @Test func anotherUsersIdIsNotFoundUnderOnesOwnCollection() async throws {
        let harness = Harness()
        let bobs = try await harness.create(token: TestToken.bob)
        for method in ["GET", "PATCH", "DELETE"] {
            let body: JSONValue? = method == "PATCH" ? ["isCurrent": true] : nil
            #expect(await harness.send(method, harness.userPath("me") + "/\(bobs)", body: body).status == 404)
            #expect(await harness.send(method, harness.userPath(TestToken.aliceID) + "/\(bobs)", body: body).status == 404)
        }
        #expect(try await harness.get(bobs, token: TestToken.bob)["isCurrent"] == false)
    }
}
