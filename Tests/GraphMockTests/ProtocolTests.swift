import Foundation
import GraphMock
import JSONShape
import Testing

@Suite("Routes, headers, query options, throttling")
struct ProtocolTests {
    static let odataJSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"

    @Test func successHeaders() async throws {
        let response = await Harness().send("GET", "/beta/me/profile/positions", headers: [("client-request-id", "abc-123")])
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == Self.odataJSON)
        #expect(response.header("OData-Version") == "4.0")
        #expect(response.header("Cache-Control") == "no-cache")
        #expect(response.header("client-request-id") == "abc-123")
        let requestID = try #require(response.header("request-id"))
        #expect(requestID.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil)
        #expect(response.header("Date")?.wholeMatch(of: /[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/) != nil)
    }

    @Test func clientRequestIDDefaultsToRequestID() async throws {
        let response = await Harness().send("GET", "/beta/me/profile/positions")
        #expect(response.header("client-request-id") == response.header("request-id"))
    }

    @Test func errorBodyShape() async throws {
        let response = await Harness().send("GET", "/beta/me/profile/positions/none", headers: [("client-request-id", "c-1")])
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/json")
        let error = try #require(try json(response)["error"])
        #expect(error["code"] == "itemNotFound")
        #expect(error["message"]?.stringValue?.isEmpty == false)
        let inner = try #require(error["innerError"])
        #expect(inner["date"]?.stringValue?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/) != nil)
        #expect(inner["request-id"]?.stringValue == response.header("request-id"))
        #expect(inner["client-request-id"] == "c-1")
        #expect(error.objectValue?.keys == ["code", "message", "innerError"])
    }

    @Test("unknown routes are 404", arguments: [
        "/beta/me", "/beta/me/profile", "/beta/me/profile/skills", "/v2.0/me/profile/positions", "/beta/users",
        "/beta/me/profile/positions/a/b", "/", "/beta/groups/x/profile/positions",
    ])
    func unknownRoute(_ path: String) async throws {
        let response = await Harness().send("GET", path)
        #expect(response.status == 404)
        #expect(errorCode(response) == "itemNotFound")
    }

    @Test("wrong methods are 405 with Allow", arguments: [
        ("PUT", "/beta/me/profile/positions/x", "GET, PATCH, DELETE"),
        ("POST", "/beta/me/profile/positions/x", "GET, PATCH, DELETE"),
        ("PATCH", "/beta/me/profile/positions", "GET, POST"),
        ("DELETE", "/v1.0/users/u/profile/positions", "GET, POST"),
    ])
    func wrongMethod(_ method: String, _ path: String, _ allow: String) async throws {
        let response = await Harness().send(method, path)
        #expect(response.status == 405)
        #expect(response.header("Allow") == allow)
        #expect(errorCode(response) != nil)
    }

    @Test func fullLifecycleOnV1AndBeta() async throws {
        let harness = Harness()
        for version in ["beta", "v1.0"] {
            let base = "/\(version)/me/profile/positions"
            let created = await harness.send("POST", base, body: Fixtures.fullBody)
            #expect(created.status == 201)
            let id = try #require(try json(created)["id"]?.stringValue)
            #expect(created.header("Location")?.hasSuffix("/\(version)/users/\(TestToken.aliceID)/profile/positions/\(id)") == true)
            #expect(await harness.send("PATCH", "\(base)/\(id)", body: ["isCurrent": true]).status == 200)
            #expect(try json(await harness.send("GET", "\(base)/\(id)"))["isCurrent"] == true)
            let deleted = await harness.send("DELETE", "\(base)/\(id)")
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            #expect(deleted.header("Content-Type") == nil)
            #expect(await harness.send("GET", "\(base)/\(id)").status == 404)
            #expect(await harness.send("DELETE", "\(base)/\(id)").status == 404)
            #expect(await harness.send("PATCH", "\(base)/\(id)", body: ["isCurrent": true]).status == 404)
        }
    }

    @Test func listOrderPagingAndSelect() async throws {
        let harness = Harness()
        var ids: [String] = []
        for index in 0..<5 { ids.append(try await harness.create(["categories": [.string("c\(index)")]])) }
        let all = try json(await harness.send("GET", "/beta/me/profile/positions"))
        #expect(all["@odata.context"] == .string("http://graph.test/beta/$metadata#users('\(TestToken.aliceID)')/profile/positions"))
        #expect(all["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ids)
        let page = try json(await harness.send("GET", "/beta/me/profile/positions?$skip=1&$top=2"))
        #expect(page["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == Array(ids[1...2]))
        let selected = try json(await harness.send("GET", "/beta/me/profile/positions?$select=id,categories&$top=1"))
        #expect(selected["value"]?.arrayValue?.first?.objectValue?.keys == ["id", "categories"])
        let item = try json(await harness.send("GET", "/beta/me/profile/positions/\(ids[0])?%24select=isCurrent"))
        #expect(item.objectValue?.keys == ["@odata.context", "isCurrent"])
    }

    @Test("bad query options are 400", arguments: [
        "?$top=-1", "?$top=x", "?$skip=1.5", "?$select=salary", "?$select=", "?$filter=isCurrent%20eq%20true", "?$orderby=id",
        "?$expand=x", "?$count=true", "?$bogus=1",
    ])
    func badQuery(_ query: String) async throws {
        let response = await Harness().send("GET", "/beta/me/profile/positions" + query)
        #expect(response.status == 400)
        #expect(errorCode(response) == "BadRequest")
    }

    @Test func topOnItemIs400AndPlainParametersIgnored() async throws {
        let harness = Harness()
        let id = try await harness.create()
        #expect(await harness.send("GET", "/beta/me/profile/positions/\(id)?$top=1").status == 400)
        #expect(await harness.send("GET", "/beta/me/profile/positions/\(id)?foo=bar").status == 200)
    }

    @Test func throttlingEveryThirdRequest() async throws {
        let harness = Harness { $0.throttleEvery = 3; $0.throttleRetryAfter = 7 }
        var statuses: [Int] = []
        var throttled: MockResponse?
        for _ in 0..<7 {
            let response = await harness.send("GET", "/beta/me/profile/positions")
            statuses.append(response.status)
            if response.status == 429 { throttled = response }
        }
        #expect(statuses == [200, 200, 429, 200, 200, 200, 429])
        let response = try #require(throttled)
        #expect(response.header("Retry-After") == "7")
        #expect(errorCode(response) == "TooManyRequests")
    }

    @Test func throttledWriteChangesNothing() async throws {
        let harness = Harness { $0.throttleEvery = 2 }
        _ = await harness.send("GET", "/beta/me/profile/positions")  // 1
        let throttled = await harness.send("POST", "/beta/me/profile/positions", body: ["isCurrent": true])  // 2
        #expect(throttled.status == 429)
        let list = try json(await harness.send("GET", "/beta/me/profile/positions"))  // retried: admitted
        #expect(list["value"] == [])
    }

    @Test func oversizedBodyIs413() async throws {
        let harness = Harness { $0.maxBodyBytes = 64 }
        let body = JSONValue.object(JSONObject([("categories", .array(Array(repeating: "xxxxxxxx", count: 20)))]))
        let response = await harness.send("POST", "/beta/me/profile/positions", body: body)
        #expect(response.status == 413)
        #expect(errorCode(response) != nil)
    }

    @Test func percentEncodedSegments() async throws {
        let harness = Harness()
        let id = try await harness.create()
        let encodedID = id.replacingOccurrences(of: "-", with: "%2D")
        #expect(await harness.send("GET", "/beta/users/alice%40contoso.com/profile/positions/\(encodedID)").status == 200)
        #expect(await harness.send("GET", "/BETA/Me/Profile/Positions/\(id)/").status == 200)
    }
}
