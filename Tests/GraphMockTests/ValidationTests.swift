import GraphMock
import JSONShape
import Testing

@Suite("Body validation")
struct ValidationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var status = 400
        var contentType: String? = "application/json"
        var mentions: String? = nil
        var testDescription: String { name }
    }

    static let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)

    static let rejected: [Row] = [
        Row(name: "no content type", body: #"{"isCurrent":true}"#, status: 415, contentType: nil),
        Row(name: "text/plain", body: #"{"isCurrent":true}"#, status: 415, contentType: "text/plain"),
        Row(name: "malformed JSON", body: #"{"isCurrent":"#),
        Row(name: "too deep", body: #"{"categories":"# + deep + "}"),
        Row(name: "array body", body: "[]"),
        Row(name: "duplicate member", body: #"{"isCurrent":true,"isCurrent":false}"#),
        Row(name: "unknown property", body: #"{"colour":"blue"}"#, mentions: "colour"),
        Row(name: "unknown nested property", body: #"{"detail":{"salary":1}}"#, mentions: "salary"),
        Row(name: "isCurrent string", body: #"{"isCurrent":"true"}"#, mentions: "isCurrent"),
        Row(name: "categories not array", body: #"{"categories":"a"}"#, mentions: "categories"),
        Row(name: "categories of numbers", body: #"{"categories":[1]}"#, mentions: "categories/0"),
        Row(name: "categories null element", body: #"{"categories":[null]}"#),
        Row(name: "colleagues of strings", body: #"{"colleagues":["x"]}"#),
        Row(name: "detail not object", body: #"{"detail":"x"}"#, mentions: "detail"),
        Row(name: "manager array", body: #"{"manager":[]}"#),
        Row(name: "jobTitle number", body: #"{"detail":{"jobTitle":5}}"#, mentions: "jobTitle"),
        Row(name: "layer fraction", body: #"{"detail":{"layer":1.5}}"#, mentions: "layer"),
        Row(name: "layer overflow", body: #"{"detail":{"layer":2147483648}}"#, mentions: "layer"),
        Row(name: "layer string", body: #"{"detail":{"layer":"1"}}"#),
        Row(name: "confidenceScore string", body: #"{"inference":{"confidenceScore":"high"}}"#),
        Row(name: "date placeholder", body: #"{"detail":{"startMonthYear":"datetime-value"}}"#, mentions: "startMonthYear"),
        Row(name: "date 30 Feb", body: #"{"detail":{"endMonthYear":"2019-02-30"}}"#),
        Row(name: "date 29 Feb 1900", body: #"{"detail":{"endMonthYear":"1900-02-29"}}"#),
        Row(name: "date-time for date", body: #"{"detail":{"startMonthYear":"2019-04-01T00:00:00Z"}}"#),
        Row(name: "audience wrong case", body: #"{"allowedAudiences":"Organization"}"#, mentions: "Organization"),
        Row(name: "audience unknown", body: #"{"allowedAudiences":"world"}"#),
        Row(name: "audience empty member", body: #"{"allowedAudiences":"me,,everyone"}"#),
        Row(name: "audience number", body: #"{"allowedAudiences":8}"#),
        Row(name: "relationship unknown", body: #"{"manager":{"relationship":"boss"}}"#),
        Row(name: "relationship flags not allowed", body: #"{"manager":{"relationship":"manager,colleague"}}"#),
        Row(name: "address type wrong case", body: #"{"detail":{"company":{"address":{"type":"Business"}}}}"#),
    ]

    @Test("PATCH rejected, nothing changed", arguments: rejected)
    func patchRejected(_ row: Row) async throws {
        let harness = Harness()
        let id = try await harness.create()
        let before = try await harness.get(id)
        let response = await harness.send(
            "PATCH", "/beta/me/profile/positions/\(id)", raw: Array(row.body.utf8), contentType: row.contentType)
        #expect(response.status == row.status, "\(response.bodyText)")
        #expect(response.header("Content-Type") == "application/json")
        if let mentions = row.mentions {
            #expect(try json(response)["error"]?["message"]?.stringValue?.contains(mentions) == true)
        }
        if row.status == 400 { #expect(["BadRequest", "invalidRequest"].contains(errorCode(response))) }
        #expect(try await harness.get(id) == before)
    }

    @Test("POST rejected, nothing created", arguments: rejected)
    func postRejected(_ row: Row) async throws {
        let harness = Harness()
        let response = await harness.send("POST", "/beta/me/profile/positions", raw: Array(row.body.utf8), contentType: row.contentType)
        #expect(response.status == row.status)
        let list = try json(await harness.send("GET", "/beta/me/profile/positions"))
        #expect(list["value"] == [])
    }

    @Test("accepted values", arguments: [
        (#"{"allowedAudiences":"federatedOrganizations"}"#, "/allowedAudiences", JSONValue.string("federatedOrganizations")),
        (#"{"allowedAudiences":"organization, everyone"}"#, "/allowedAudiences", "organization,everyone"),
        (#"{"allowedAudiences":null}"#, "/allowedAudiences", nil),
        (#"{"detail":{"startMonthYear":"2000-02-29"}}"#, "/detail/startMonthYear", "2000-02-29"),
        (#"{"detail":{"layer":-2147483648}}"#, "/detail/layer", -2147483648),
        (#"{"inference":{"confidenceScore":1e-3}}"#, "/inference/confidenceScore", .number(JSONNumber(literal: "1e-3"))),
        (#"{"inference":{"confidenceScore":7}}"#, "/inference/confidenceScore", 7),
        (##"{"@odata.type":"#microsoft.graph.workPosition","isCurrent":true}"##, "/isCurrent", true),
        (##"{"detail":{"@odata.type":"#microsoft.graph.positionDetail","role":"r"}}"##, "/detail/role", "r"),
        (#"{"isCurrent@odata.type":"Edm.Boolean","isCurrent":true}"#, "/isCurrent", true),
        (#"{"manager":{"relationship":"dotLineManager"}}"#, "/manager/relationship", "dotLineManager"),
        (#"{"detail":{"company":{"address":{"type":"home"}}}}"#, "/detail/company/address/type", "home"),
        (#"{"detail":null}"#, "/detail", nil),
    ])
    func accepted(_ body: String, _ pointer: String, _ expected: JSONValue) async throws {
        let harness = Harness()
        let id = try await harness.create()
        let response = await harness.send("PATCH", "/beta/me/profile/positions/\(id)", raw: Array(body.utf8))
        #expect(response.status == 200, "\(response.bodyText)")
        let stored = try await harness.get(id)
        #expect(stored.value(at: try #require(JSONPointer(pointer))) == expected)
    }

    @Test("content type parameters and case", arguments: ["application/json; charset=utf-8", "Application/JSON", "application/json;odata.metadata=minimal"])
    func contentTypes(_ contentType: String) async throws {
        let harness = Harness()
        let response = await harness.send("POST", "/beta/me/profile/positions", body: ["isCurrent": true], contentType: contentType)
        #expect(response.status == 201)
    }

    @Test func createAcceptsSourceButPatchIgnoresIt() async throws {
        let harness = Harness()
        let id = try await harness.create(["source": ["type": "User"], "isCurrent": true])
        #expect(try await harness.get(id)["source"] == ["type": "User"])
        let response = await harness.send("PATCH", "/beta/me/profile/positions/\(id)", body: ["source": ["type": "Other"]])
        #expect(response.status == 200)
        #expect(try await harness.get(id)["source"] == ["type": "User"])
    }
}
