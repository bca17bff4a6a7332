import GraphMock
import JSONShape
import Testing

@Suite("PATCH semantics")
struct PatchSemanticsTests {
    func patched(
        _ patch: JSONValue, policy: MockConfiguration.ComplexPatch = .merge, base: JSONValue = Fixtures.fullBody
    ) async throws -> (before: JSONValue, after: JSONValue, response: MockResponse) {
        let harness = Harness { $0.complexPatch = policy }
        let id = try await harness.create(base)
        let before = try await harness.get(id)
        let response = await harness.send("PATCH", "/beta/me/profile/positions/\(id)", body: patch)
        #expect(response.status == 200, "\(response.bodyText)")
        let after = try await harness.get(id)
        #expect(try json(response) == after, "PATCH response = stored entity")
        return (before, after, response)
    }

    @Test func absentPropertiesKeepTheirValues() async throws {
        let (before, after, _) = try await patched(["isCurrent": true])
        #expect(after["isCurrent"] == true)
        for name in ["allowedAudiences", "categories", "colleagues", "detail", "manager", "inference", "id", "createdDateTime", "createdBy"] {
            #expect(after[name] == before[name], "\(name)")
        }
    }

    @Test func collectionsReplaceWhole() async throws {
        let (_, after, _) = try await patched(["categories": ["three"], "colleagues": []])
        #expect(after["categories"] == ["three"])
        #expect(after["colleagues"] == [])
    }

    @Test func nestedComplexMergesByDefault() async throws {
        let (_, after, _) = try await patched(["detail": ["company": ["address": ["city": "Bergen"]]], "manager": ["userId": "u1"]])
        #expect(after.value(at: JSONPointer("/detail/jobTitle")!) == "Staff Engineer")
        #expect(after.value(at: JSONPointer("/detail/company/displayName")!) == "Contoso")
        #expect(after.value(at: JSONPointer("/detail/company/address/type")!) == "business")
        #expect(after.value(at: JSONPointer("/detail/company/address/city")!) == "Bergen")
        #expect(after.value(at: JSONPointer("/manager/displayName")!) == "M. Anager")
        #expect(after.value(at: JSONPointer("/manager/userId")!) == "u1")
    }

    @Test func nestedComplexReplacesUnderReplacePolicy() async throws {
        let (_, after, _) = try await patched(["detail": ["company": ["address": ["city": "Bergen"]]]], policy: .replace)
        #expect(after.value(at: JSONPointer("/detail/jobTitle")!) == .null)
        #expect(after.value(at: JSONPointer("/detail/company/displayName")!) == .null)
        #expect(after.value(at: JSONPointer("/detail/company/address/city")!) == "Bergen")
    }

    @Test func explicitNullClears() async throws {
        let (_, after, _) = try await patched(["manager": nil, "categories": nil, "detail": ["company": nil], "isCurrent": nil])
        #expect(after["manager"] == .null)
        #expect(after["categories"] == .null)
        #expect(after["isCurrent"] == .null)
        #expect(after.value(at: JSONPointer("/detail/company")!) == .null)
        #expect(after.value(at: JSONPointer("/detail/jobTitle")!) == "Staff Engineer")
    }

    @Test func readOnlyMembersAreIgnored() async throws {
        let (before, after, _) = try await patched([
            "id": "forged", "createdDateTime": "2000-01-01T00:00:00Z", "createdBy": ["user": ["id": "x"]],
            "lastModifiedDateTime": "2000-01-01T00:00:00Z", "lastModifiedBy": ["user": ["id": "x"]],
            "isSearchable": true, "sources": [], "isCurrent": true,
        ])
        for name in ["id", "createdDateTime", "createdBy", "isSearchable", "sources"] {
            #expect(after[name] == before[name], "\(name)")
        }
        #expect(after["lastModifiedDateTime"] != "2000-01-01T00:00:00Z")
        #expect(after["isCurrent"] == true)
    }

    @Test func lastModifiedStrictlyAdvancesAndNamesCaller() async throws {
        let harness = Harness()
        let id = try await harness.create(token: TestToken.user(scp: "User.ReadWrite.All"))
        var previous = try await harness.get(id)["lastModifiedDateTime"]?.stringValue ?? ""
        let bobAll = TestToken.user(oid: TestToken.bobID, upn: "bob@contoso.com", name: "Bob Example", scp: "User.ReadWrite.All")
        for round in 0..<20 {
            let response = await harness.send(
                "PATCH", "/beta/users/\(TestToken.aliceID)/profile/positions/\(id)", token: bobAll, body: ["isCurrent": .bool(round % 2 == 0)])
            let stamp = try json(response)["lastModifiedDateTime"]?.stringValue ?? ""
            #expect(stamp > previous, "round \(round): \(stamp) vs \(previous)")
            #expect(stamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z/) != nil)
            previous = stamp
            #expect(try json(response)["lastModifiedBy"] == ["user": ["displayName": "Bob Example", "id": .string(TestToken.bobID)]])
        }
        let entity = try await harness.get(id)
        #expect(entity.value(at: JSONPointer("/createdBy/user/id")!) == .string(TestToken.aliceID))
    }

    @Test func createSetsServerMembers() async throws {
        let harness = Harness()
        let response = await harness.send("POST", "/beta/me/profile/positions", body: ["id": "mine", "isCurrent": true])
        #expect(response.status == 201)
        let entity = try json(response)
        let id = try #require(entity["id"]?.stringValue)
        #expect(id != "mine")
        #expect(entity["createdDateTime"] == entity["lastModifiedDateTime"])
        #expect(entity["createdDateTime"]?.stringValue?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z/) != nil)
        #expect(response.header("Location") == "http://graph.test/beta/users/\(TestToken.aliceID)/profile/positions/\(id)")
        #expect(entity["@odata.context"] == .string("http://graph.test/beta/$metadata#users('\(TestToken.aliceID)')/profile/positions/$entity"))
        let expectedKeys = ["@odata.context", "id", "allowedAudiences", "categories", "colleagues", "createdBy", "createdDateTime",
                            "detail", "inference", "isCurrent", "isSearchable", "lastModifiedBy", "lastModifiedDateTime",
                            "manager", "source", "sources"]
        #expect(entity.objectValue?.keys == expectedKeys)
        #expect(entity["detail"] == .null)
    }

    @Test func nestedMembersAreFilledWithNull() async throws {
        let harness = Harness()
        let id = try await harness.create(["detail": ["jobTitle": "x"]])
        let detail = try await harness.get(id)["detail"]
        #expect(detail?.objectValue?.count == 13)
        #expect(detail?["company"] == .null)
    }

    @Test func concurrentPatchesToDifferentFieldsAllLand() async throws {
        let harness = Harness()
        let id = try await harness.create(["detail": ["company": ["address": [:]]]])
        let fields = ["description", "employeeId", "employeeType", "jobTitle", "level", "role", "secondaryJobTitle", "secondaryRole", "summary"]
        let companyFields = ["companyCode", "costCenter", "department", "displayName", "division", "officeLocation", "pronunciation", "secondaryDepartment", "webUrl"]
        await withTaskGroup(of: Void.self) { group in
            for field in fields {
                group.addTask { _ = await harness.send("PATCH", "/beta/me/profile/positions/\(id)", body: ["detail": [field: .string(field)]]) }
            }
            for field in companyFields {
                group.addTask { _ = await harness.send("PATCH", "/beta/me/profile/positions/\(id)", body: ["detail": ["company": [field: .string(field)]]]) }
            }
        }
        let entity = try await harness.get(id)
        for field in fields { #expect(entity["detail"]?[field] == .string(field)) }
        for field in companyFields { #expect(entity["detail"]?["company"]?[field] == .string(field)) }
    }

    @Test func concurrentCreateAndDeleteStayConsistent() async throws {
        let harness = Harness()
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await harness.create(["isCurrent": true]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(ids).count == 50)
        await withTaskGroup(of: Int.self) { group in
            for id in ids.prefix(25) { group.addTask { await harness.send("DELETE", "/beta/me/profile/positions/\(id)").status } }
            for id in ids.prefix(25) { group.addTask { await harness.send("DELETE", "/beta/me/profile/positions/\(id)").status } }
            var statuses: [Int] = []
            for await status in group { statuses.append(status) }
            #expect(statuses.filter { $0 == 204 }.count == 25)
            #expect(statuses.filter { $0 == 404 }.count == 25)
        }
        let list = try json(await harness.send("GET", "/beta/me/profile/positions"))
        #expect(Set(list["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []) == Set(ids.dropFirst(25)))
    }
}
