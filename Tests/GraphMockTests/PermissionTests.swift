import GraphMock
import JSONShape
import Testing

@Suite("Permissions")
struct PermissionTests {
    struct Grant: Sendable, CustomTestStringConvertible {
        var scope: String, ownRead: Bool, ownWrite: Bool, otherRead: Bool, otherWrite: Bool
        init(_ scope: String, _ ownRead: Bool, _ ownWrite: Bool, _ otherRead: Bool, _ otherWrite: Bool) {
            (self.scope, self.ownRead, self.ownWrite, self.otherRead, self.otherWrite) = (scope, ownRead, ownWrite, otherRead, otherWrite)
        }
        var testDescription: String { scope }
    }

    /// scope → (own read, own write, other read, other write)
    static let table: [Grant] = [
        Grant("User.Read", true, false, false, false),
        Grant("User.ReadWrite", true, true, false, false),
        Grant("User.ReadBasic.All", true, false, true, false),
        Grant("User.Read.All", true, false, true, false),
        Grant("User.ReadWrite.All", true, true, true, true),
        Grant("AgentIdUser.ReadWrite.All", true, true, true, true),
        Grant("AgentIdUser.ReadWrite.IdentityParentedBy", true, true, false, false),
        Grant("Mail.Read", false, false, false, false),
    ]

    @Test("scope table", arguments: table)
    func scopes(_ grant: Grant) async throws {
        let (scope, ownRead, ownWrite, otherRead, otherWrite) = (grant.scope, grant.ownRead, grant.ownWrite, grant.otherRead, grant.otherWrite)
        let harness = Harness()
        let bobPosition = try await harness.create(token: TestToken.bob)
        let alicePosition = try await harness.create()
        let token = TestToken.user(scp: scope)

        func status(_ method: String, _ path: String, body: JSONValue? = nil) async -> Int {
            await harness.send(method, path, token: token, body: body).status
        }
        let patch: JSONValue = ["isCurrent": true]
        let bob = "/beta/users/\(TestToken.bobID)/profile/positions"
        let me = "/beta/me/profile/positions"
        let selfByID = "/beta/users/\(TestToken.aliceID)/profile/positions"

        #expect(await status("GET", me) == (ownRead ? 200 : 403))
        #expect(await status("GET", selfByID + "/" + alicePosition) == (ownRead ? 200 : 403))
        #expect(await status("PATCH", me + "/" + alicePosition, body: patch) == (ownWrite ? 200 : 403))
        #expect(await status("POST", selfByID, body: ["isCurrent": false]) == (ownWrite ? 201 : 403))
        #expect(await status("GET", bob + "/" + bobPosition) == (otherRead ? 200 : 403))
        #expect(await status("PATCH", bob + "/" + bobPosition, body: patch) == (otherWrite ? 200 : 403))
        #expect(await status("POST", bob, body: ["isCurrent": false]) == (otherWrite ? 201 : 403))
        #expect(await status("DELETE", bob + "/" + bobPosition) == (otherWrite ? 204 : 403))
        #expect(await status("DELETE", me + "/" + alicePosition) == (ownWrite ? 204 : 403))
    }

    @Test func deniedResponseBody() async throws {
        let harness = Harness()
        let response = await harness.send("POST", "/beta/me/profile/positions", token: TestToken.user(scp: "User.Read"), body: [:])
        #expect(response.status == 403)
        let body = try json(response)
        #expect(body["error"]?["code"] == "accessDenied")
        #expect(body["error"]?["message"] == "Insufficient privileges to complete the operation.")
    }

    @Test func deniedChangesNothing() async throws {
        let harness = Harness()
        let id = try await harness.create(token: TestToken.bob)
        let before = try await harness.get(id, token: TestToken.bob)
        let bob = "/beta/users/\(TestToken.bobID)/profile/positions"
        #expect(await harness.send("PATCH", bob + "/" + id, body: ["isCurrent": true]).status == 403)
        #expect(await harness.send("DELETE", bob + "/" + id).status == 403)
        #expect(await harness.send("POST", bob, body: ["isCurrent": true]).status == 403)
        #expect(try await harness.get(id, token: TestToken.bob) == before)
        let list = try json(await harness.send("GET", "/beta/me/profile/positions", token: TestToken.bob))
        #expect(list["value"]?.arrayValue?.count == 1)
    }

    @Test func appOnlyOnMeIs400() async throws {
        let response = await Harness().send("GET", "/beta/me/profile/positions", token: TestToken.app())
        #expect(response.status == 400)
        let body = try json(response)
        #expect(body["error"]?["code"] == "BadRequest")
        #expect(body["error"]?["message"] == "/me request is only valid with delegated authentication flow.")
    }

    @Test func appOnlyOnUsersIs403() async throws {
        let harness = Harness()
        let id = try await harness.create()
        for (method, suffix) in [("GET", ""), ("GET", "/" + id), ("PATCH", "/" + id), ("DELETE", "/" + id), ("POST", "")] {
            let body: JSONValue? = method == "PATCH" || method == "POST" ? ["isCurrent": true] : nil
            let response = await harness.send(
                method, "/beta/users/\(TestToken.aliceID)/profile/positions" + suffix, token: TestToken.app(), body: body)
            #expect(response.status == 403, "\(method) \(suffix)")
            #expect(errorCode(response) == "accessDenied")
        }
        #expect(try await harness.get(id)["isCurrent"] == false)
    }

    @Test func checkOrder() async throws {
        let harness = Harness()
        let readOnly = TestToken.user(scp: "User.Read")
        // 401 before 404 for an unknown position.
        #expect(await harness.send("GET", "/beta/me/profile/positions/nope", token: nil).status == 401)
        // unknown user before 403.
        #expect(await harness.send("GET", "/beta/users/ghost/profile/positions", token: readOnly).status == 404)
        // 403 before unknown position and before body validation.
        _ = await harness.send("GET", "/beta/me/profile/positions", token: TestToken.bob)
        let denied = await harness.send(
            "PATCH", "/beta/users/\(TestToken.bobID)/profile/positions/nope", token: readOnly, raw: Array("{".utf8))
        #expect(denied.status == 403)
        // unknown position before 415/400.
        let missing = await harness.send("PATCH", "/beta/me/profile/positions/nope", raw: Array("{".utf8), contentType: "text/plain")
        #expect(missing.status == 404)
        #expect(errorCode(missing) == "itemNotFound")
    }
}
