import GraphMock
import JSONShape
import TestIssuer
import Testing

/// Each built-in defect: its scenario shows the deviation when the defect is on and not otherwise.
@Suite("Defects")
struct DefectTests {
    typealias Scenario = @Sendable (MockDefect?) async throws -> Bool

    struct Row: Sendable, CustomTestStringConvertible {
        var defect: MockDefect
        var scenario: Scenario
        var testDescription: String { defect.rawValue }
    }

    static let me = "/beta/me/profile/positions"
    static let bobPath = "/beta/users/\(TestToken.bobID)/profile/positions"

    /// Creates the fixture position, PATCHes it, and returns response + stored entity.
    static func patch(_ defect: MockDefect?, _ body: JSONValue, policy: MockConfiguration.ComplexPatch = .merge) async throws
        -> (response: MockResponse, stored: JSONValue, before: JSONValue)
    {
        let harness = Harness { $0.defect = defect; $0.complexPatch = policy }
        let id = try await harness.create()
        let before = try json(await harness.send("GET", "\(me)/\(id)"))
        let response = await harness.send("PATCH", "\(me)/\(id)", body: body)
        let stored = try json(await harness.send("GET", "\(me)/\(id)"))
        return (response, stored, before)
    }

    static func status(_ defect: MockDefect?, _ method: String, _ path: String, token: String? = TestToken.alice,
                       body: JSONValue? = nil, raw: [UInt8]? = nil, contentType: String? = "application/json") async -> Int {
        await Harness(defect: defect).send(method, path, token: token, body: body, raw: raw, contentType: contentType).status
    }

    static func fetched(_ defect: MockDefect?) async throws -> (harness: Harness, response: MockResponse) {
        let harness = Harness(defect: defect)
        let id = try await harness.create()
        return (harness, await harness.send("GET", "\(me)/\(id)"))
    }

    static let rows: [Row] = isolationRows + [
        Row(defect: .authNotChecked) { await status($0, "GET", me, token: nil) == 200 },
        Row(defect: .expiredTokenAccepted) {
            await status($0, "GET", me, token: TestToken.user(overrides: ["exp": .int(TestToken.now - 1000)])) == 200
        },
        Row(defect: .notYetValidAccepted) {
            await status($0, "GET", me, token: TestToken.user(overrides: ["nbf": .int(TestToken.now + 1000)])) == 200
        },
        Row(defect: .wrongAudienceAccepted) {
            await status($0, "GET", me, token: TestToken.user(overrides: ["aud": "api://other"])) == 200
        },
        Row(defect: .lowercaseBearerRejected) {
            await Harness(defect: $0).send("GET", me, token: nil, headers: [("Authorization", "bearer " + TestToken.alice)]).status == 401
        },
        Row(defect: .noWWWAuthenticate) {
            let response = await Harness(defect: $0).send("GET", me, token: nil)
            return response.status == 401 && response.header("WWW-Authenticate") == nil
        },
        Row(defect: .skipsSignatureCheck) { defect in
            // Only visible in verifying mode: a token signed by a stranger under the trusted kid.
            let trusted = try SigningKey.generate(.es256), stranger = try SigningKey.generate(.es256)
            return await VerificationTests.harness(trusting: trusted, defect: defect)
                .send("GET", me, token: try VerificationTests.signed(stranger, keyID: trusted.keyID)).status == 200
        },
        Row(defect: .readScopeCanWrite) {
            await status($0, "POST", me, token: TestToken.user(scp: "User.Read"), body: ["isCurrent": true]) == 201
        },
        Row(defect: .appOnlyAllowed) {
            let harness = Harness(defect: $0)
            _ = try await harness.create()
            return await harness.send("GET", "/beta/users/\(TestToken.aliceID)/profile/positions", token: TestToken.app()).status == 200
        },
        Row(defect: .crossUserWriteAllowed) {
            let harness = Harness(defect: $0)
            let id = try await harness.create(token: TestToken.bob)
            return await harness.send("PATCH", "\(bobPath)/\(id)", body: ["isCurrent": true]).status == 200
        },
        Row(defect: .deniedRequestApplied) {
            let harness = Harness(defect: $0)
            let id = try await harness.create()
            let response = await harness.send("PATCH", "\(me)/\(id)", token: TestToken.user(scp: "User.Read"), body: ["isCurrent": true])
            let stored = try json(await harness.send("GET", "\(me)/\(id)"))
            return response.status == 403 && stored["isCurrent"] == true
        },
        Row(defect: .invalidEnumAccepted) { try await patch($0, ["allowedAudiences": "world"]).stored["allowedAudiences"] == "world" },
        Row(defect: .enumCaseInsensitive) {
            try await patch($0, ["allowedAudiences": "Organization"]).stored["allowedAudiences"] == "Organization"
        },
        Row(defect: .validEnumRejected) { try await patch($0, ["allowedAudiences": "federatedOrganizations"]).response.status == 400 },
        Row(defect: .badDateAccepted) {
            try await patch($0, ["detail": ["endMonthYear": "2019-02-30"]]).stored["detail"]?["endMonthYear"] == "2019-02-30"
        },
        Row(defect: .unknownPropertyAccepted) { try await patch($0, ["colour": "blue"]).response.status == 200 },
        Row(defect: .wrongTypeAccepted) { try await patch($0, ["isCurrent": "true"]).stored["isCurrent"] == "true" },
        Row(defect: .malformedJSONAccepted) {
            let harness = Harness(defect: $0)
            let id = try await harness.create()
            return await harness.send("PATCH", "\(me)/\(id)", raw: Array("{oops".utf8)).status == 200
        },
        Row(defect: .contentTypeNotChecked) {
            let harness = Harness(defect: $0)
            let id = try await harness.create()
            return await harness.send("PATCH", "\(me)/\(id)", body: ["isCurrent": true], contentType: nil).status == 200
        },
        Row(defect: .patchReplacesEntity) { try await patch($0, ["isCurrent": true]).stored["detail"] == .null },
        Row(defect: .patchReturns204) { try await patch($0, ["isCurrent": true]).response.status == 204 },
        Row(defect: .patchServerError) {
            let result = try await patch($0, ["isCurrent": true])
            return result.response.status == 500 && result.stored["isCurrent"] != true
        },
        Row(defect: .staleResponseBody) {
            let result = try await patch($0, ["isCurrent": true])
            return try json(result.response)["isCurrent"] == false && result.stored["isCurrent"] == true
        },
        Row(defect: .readOnlyWritable) {
            try await patch($0, ["createdDateTime": "2000-01-01T00:00:00Z"]).stored["createdDateTime"] == "2000-01-01T00:00:00Z"
        },
        Row(defect: .lastModifiedFrozen) {
            let result = try await patch($0, ["isCurrent": true])
            return result.stored["lastModifiedDateTime"] == result.before["lastModifiedDateTime"]
        },
        Row(defect: .nullIgnored) { try await patch($0, ["manager": nil]).stored["manager"] != .null },
        Row(defect: .collectionAppended) { try await patch($0, ["categories": ["three"]]).stored["categories"] == ["one", "two", "three"] },
        Row(defect: .nestedMergeReplaces) {
            try await patch($0, ["detail": ["role": "r"]]).stored["detail"]?["jobTitle"] == .null
        },
        Row(defect: .patchUnknownCreates) { await status($0, "PATCH", "\(me)/unknown-id", body: ["isCurrent": true]) == 200 },
        Row(defect: .createReturns200) { await status($0, "POST", me, body: ["isCurrent": true]) == 200 },
        Row(defect: .deleteNotApplied) {
            let harness = Harness(defect: $0)
            let id = try await harness.create()
            let deleted = await harness.send("DELETE", "\(me)/\(id)")
            let after = await harness.send("GET", "\(me)/\(id)")
            return deleted.status == 204 && after.status == 200
        },
        Row(defect: .selectIgnored) {
            let harness = Harness(defect: $0)
            let id = try await harness.create()
            return try (json(await harness.send("GET", "\(me)/\(id)?$select=id"))).objectValue?.count ?? 0 > 2
        },
        Row(defect: .upnCaseSensitive) {
            let harness = Harness(defect: $0)
            _ = await harness.send("GET", me, token: TestToken.bob)
            let response = await harness.send("GET", "/beta/users/BOB@CONTOSO.COM/profile/positions", token: TestToken.user(scp: "User.Read.All"))
            return response.status == 404
        },
        Row(defect: .wrongJSONType) { try json(await fetched($0).response)["isCurrent"] == "false" },
        Row(defect: .missingID) {
            let created = await Harness(defect: $0).send("POST", me, body: ["isCurrent": true])
            return try created.status == 201 && json(created)["id"] == nil
        },
        Row(defect: .dateRenderedAsDateTime) {
            try json(await fetched($0).response)["detail"]?["startMonthYear"] == "2019-04-01T00:00:00Z"
        },
        Row(defect: .errorBodyNotJSON) {
            let response = await Harness(defect: $0).send("GET", "\(me)/none")
            return response.header("Content-Type")?.hasPrefix("text/plain") == true && (try? json(response)) == nil
        },
        Row(defect: .clientRequestIDNotEchoed) {
            await Harness(defect: $0).send("GET", me, headers: [("client-request-id", "mine")]).header("client-request-id") != "mine"
        },
        Row(defect: .requestIDMissing) { await Harness(defect: $0).send("GET", me).header("request-id") == nil },
        Row(defect: .contentTypeNotJSON) {
            await Harness(defect: $0).send("GET", me).header("Content-Type")?.hasPrefix("text/plain") == true
        },
        Row(defect: .retryAfterMissing) { defect in
            let harness = Harness { $0.defect = defect; $0.throttleEvery = 1 }
            let response = await harness.send("GET", me)
            return response.status == 429 && response.header("Retry-After") == nil
        },
        Row(defect: .astralStringsTruncated) {
            try await patch($0, ["detail": ["jobTitle": "a\u{1F600}b"]]).stored["detail"]?["jobTitle"] != "a\u{1F600}b"
        },
        Row(defect: .doublesAsFloat) {
            try await patch($0, ["inference": ["confidenceScore": 0.1]]).stored["inference"]?["confidenceScore"] != 0.1
        },
        Row(defect: .preEpochDatesShifted) {
            try await patch($0, ["detail": ["startMonthYear": "1969-12-31"]]).stored["detail"]?["startMonthYear"] != "1969-12-31"
        },
        Row(defect: .concurrentPatchLostUpdate) { defect in
            // A race: on a loaded machine one pair of PATCHes may not overlap within the defect's
            // 20 ms window, so up to 20 pairs are tried; the clean mock never loses one.
            let harness = Harness(defect: defect)
            for attempt in 0..<20 {
                let id = try await harness.create()
                async let first = harness.send("PATCH", "\(me)/\(id)", body: ["isCurrent": true])
                let marker = JSONValue.string("x\(attempt)")
                async let second = harness.send("PATCH", "\(me)/\(id)", body: ["categories": .array([marker])])
                _ = await (first, second)
                let stored = try json(await harness.send("GET", "\(me)/\(id)"))
                if stored["isCurrent"] != true || stored["categories"] != .array([marker]) { return true }
                if defect == nil { return false }
            }
            return false
        },
    ]

    @Test func everyDefectHasARow() {
        #expect(Set(Self.rows.map(\.defect)) == Set(MockDefect.allCases))
        #expect(Self.rows.count == MockDefect.allCases.count)
    }

    @Test func everyDefectHasASummaryAndKebabName() {
        for defect in MockDefect.allCases {
            #expect(!defect.summary.isEmpty)
            #expect(defect.rawValue.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(defect.rawValue)")
        }
    }

    @Test("deviation appears only when enabled", arguments: rows)
    func deviation(_ row: Row) async throws {
        #expect(try await row.scenario(row.defect), "enabled: deviation expected")
        #expect(try await !row.scenario(nil), "disabled: documented behaviour expected")
    }

    @Test func nestedMergeReplacesIsNoOpUnderReplacePolicy() async throws {
        let faithful = try await Self.patch(nil, ["detail": ["role": "r"]], policy: .replace)
        let defective = try await Self.patch(.nestedMergeReplaces, ["detail": ["role": "r"]], policy: .replace)
        #expect(faithful.stored["detail"] == defective.stored["detail"])
    }
}
