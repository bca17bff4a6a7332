import Foundation
import GraphMock
import JSONShape
import Testing

/// Scenarios for the isolation, list, lifecycle and real-client defects (issue 13): each returns
/// true when the deviation shows.
extension DefectTests {
    static let tenantA = "11111111-aaaa-4000-8000-000000000001"
    static let tenantB = "22222222-bbbb-4000-8000-000000000002"
    /// Alice in tenant A; an administrator of tenant B holding User.ReadWrite.All there.
    static var aliceInA: String { TestToken.user(overrides: ["tid": .string(tenantA)]) }
    static var outsiderInB: String {
        TestToken.user(oid: "dddddddd-0000-0000-0000-000000000004", upn: "admin@fabrikam.example", name: "Outsider",
                       scp: "User.ReadWrite.All", overrides: ["tid": .string(tenantB)])
    }

    /// Alice's position, then a PATCH of it, then whether the list entry differs from GET.
    static func listDisagrees(_ defect: MockDefect?, patch: JSONValue) async throws -> Bool {
        let harness = Harness(defect: defect)
        let id = try await harness.create()
        _ = await harness.send("PATCH", "\(me)/\(id)", body: patch)
        var item = try await harness.get(id).objectValue ?? JSONObject()
        item["@odata.context"] = nil  // the entity's own context URL; list entries carry none
        let list = try json(await harness.send("GET", me))
        let entry = list["value"]?.arrayValue?.first { $0["id"]?.stringValue == id }
        return entry != .object(item)
    }

    /// Alice's position deleted; the harness and the id.
    static func deleted(_ defect: MockDefect?) async throws -> (harness: Harness, id: String) {
        let harness = Harness(defect: defect)
        let id = try await harness.create()
        #expect(await harness.send("DELETE", "\(me)/\(id)").status == 204)
        return (harness, id)
    }

    static func patchStatus(_ defect: MockDefect?, headers: [(String, String)] = [], contentType: String = "application/json",
                            raw: String = #"{"isCurrent":true}"#) async throws -> Int {
        let harness = Harness(defect: defect)
        let id = try await harness.create()
        return await harness.send("PATCH", "\(me)/\(id)", raw: Array(raw.utf8), contentType: contentType, headers: headers).status
    }

    static let isolationRows: [Row] = [
        Row(defect: .crossUserByID) {
            let harness = Harness(defect: $0)
            let bobs = try await harness.create(token: TestToken.bob)
            return await harness.send("GET", "\(me)/\(bobs)").status == 200
        },
        Row(defect: .listShowsOtherUsers) {
            let harness = Harness(defect: $0)
            let bobs = try await harness.create(token: TestToken.bob)
            let list = try json(await harness.send("GET", me))
            return list["value"]?.arrayValue?.contains { $0["id"]?.stringValue == bobs } == true
        },
        Row(defect: .crossTenantVisible) {
            let harness = Harness(defect: $0)
            _ = try await harness.create(token: aliceInA)
            return await harness.send("GET", "/beta/users/\(TestToken.aliceID)/profile/positions", token: outsiderInB).status == 200
        },
        Row(defect: .listStaleAfterPatch) { try await listDisagrees($0, patch: ["detail": ["jobTitle": "Renamed"]]) },
        Row(defect: .listKeepsNulled) { try await listDisagrees($0, patch: ["manager": .null]) },
        Row(defect: .listShowsDeleted) {
            let (harness, id) = try await deleted($0)
            let list = try json(await harness.send("GET", me))
            return list["value"]?.arrayValue?.contains { $0["id"]?.stringValue == id } == true
        },
        Row(defect: .deletedStillReadable) {
            let (harness, id) = try await deleted($0)
            return await harness.send("GET", "\(me)/\(id)").status == 200
        },
        Row(defect: .patchResurrectsDeleted) {
            let (harness, id) = try await deleted($0)
            let patch = await harness.send("PATCH", "\(me)/\(id)", body: ["isCurrent": true])
            let after = await harness.send("GET", "\(me)/\(id)")
            return patch.status == 404 && after.status == 200
        },
        Row(defect: .pathDecodedBeforeSplit) { defect in
            let harness = Harness { $0.defect = defect; $0.variants = [.opaqueIDs] }
            let id = try await harness.create()
            let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
            return await harness.send("GET", "\(me)/\(encoded)").status == 404
        },
        Row(defect: .rejectsCharsetContentType) { try await patchStatus($0, contentType: "application/json; charset=utf-8") == 415 },
        Row(defect: .rejectsAcceptWildcard) { try await patchStatus($0, headers: [("Accept", "*/*")]) == 406 },
        Row(defect: .rejectsUnknownHeaders) { try await patchStatus($0, headers: [("SdkVersion", "graph-js/3.0.7")]) == 400 },
        Row(defect: .rejectsEscapedUnicode) { try await patchStatus($0, raw: #"{"detail":{"jobTitle":"Caf\u00e9"}}"#) == 400 },
        Row(defect: .rejectsODataTypeAnnotation) {
            try await patchStatus($0, raw: ##"{"@odata.type":"#microsoft.graph.workPosition","isCurrent":true}"##) == 400
        },
    ]
}
