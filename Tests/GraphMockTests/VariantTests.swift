import Foundation
import GraphMock
import JSONShape
import Testing

/// Each conforming variant: its scenario shows the difference when the variant is on and not
/// otherwise, like the defect rows; plus checks that the documented contract survives each one.
@Suite("Variants")
struct VariantTests {
    typealias Scenario = @Sendable (Set<MockVariant>) async throws -> Bool

    struct Row: Sendable, CustomTestStringConvertible {
        var variant: MockVariant
        var scenario: Scenario
        var testDescription: String { variant.rawValue }
    }

    static let me = "/beta/me/profile/positions"
    static let alicePath = "/beta/users/\(TestToken.aliceID)/profile/positions"

    static func harness(_ variants: Set<MockVariant>) -> Harness { Harness { $0.variants = variants } }

    /// A created position fetched with GET.
    static func fetched(_ variants: Set<MockVariant>, headers: [(String, String)] = []) async throws -> MockResponse {
        let harness = harness(variants)
        let id = try await harness.create()
        return await harness.send("GET", "\(me)/\(Self.encoded(id))", headers: headers)
    }

    /// A 404 error response.
    static func notFound(_ variants: Set<MockVariant>, headers: [(String, String)] = []) async -> MockResponse {
        await harness(variants).send("GET", "\(me)/no-such-id", headers: headers)
    }

    static func encoded(_ id: String) -> String {
        PercentEncoding.component(id)
    }

    static func createdDateTime(_ variants: Set<MockVariant>) async throws -> String {
        try #require(try json(await fetched(variants))["createdDateTime"]?.stringValue)
    }

    /// An app-only GET of Alice's list, after Alice made herself known.
    static func appOnlyStatus(_ variants: Set<MockVariant>) async throws -> Int {
        let harness = harness(variants)
        _ = try await harness.create()
        return await harness.send("GET", alicePath, token: TestToken.app()).status
    }

    static let rows: [Row] = [
        Row(variant: .headerCaseLower) {
            let headers = try await fetched($0).headers
            return headers.contains { $0.0 == "content-type" } && headers.allSatisfy { $0.0 == $0.0.lowercased() }
        },
        Row(variant: .headerCaseUpper) {
            let headers = await notFound($0).headers
            return headers.contains { $0.0 == "REQUEST-ID" } && headers.allSatisfy { $0.0 == $0.0.uppercased() }
        },
        Row(variant: .chunked) { try await fetched($0).header("Transfer-Encoding") == "chunked" },
        Row(variant: .gzipWhenAsked) {
            let response = try await fetched($0, headers: [("Accept-Encoding", "deflate, gzip;q=0.8")])
            return response.header("Content-Encoding") == "gzip" && response.body.starts(with: [0x1f, 0x8b])
        },
        Row(variant: .noODataContext) {
            let response = try await fetched($0)
            return try json(response)["@odata.context"] == nil && response.header("OData-Version") == nil
        },
        Row(variant: .noCacheControl) { try await fetched($0).header("Cache-Control") == nil },
        Row(variant: .noGraphDiagnostics) {
            let response = await notFound($0)
            return response.header("x-ms-ags-diagnostic") == nil && response.header("Strict-Transport-Security") == nil
        },
        Row(variant: .mediaTypeVariants) {
            await notFound($0).header("Content-Type") == "application/json; charset=utf-8"
        },
        Row(variant: .clientRequestIDOnlyEchoed) { await notFound($0).header("client-request-id") == nil },
        Row(variant: .shuffledMembers) {
            let keys = try json(await fetched($0)).objectValue?.keys ?? []
            return keys.first == "@odata.context" && keys.dropFirst().first == "sources"
        },
        Row(variant: .extraProperties) {
            let harness = harness($0)
            let id = try await harness.create()
            let first = try json(await harness.send("PATCH", "\(me)/\(encoded(id))", body: ["isCurrent": true]))
            let second = try json(await harness.send("PATCH", "\(me)/\(encoded(id))", body: ["isCurrent": true]))
            guard let r1 = first["revision"]?.numberValue?.int64, let r2 = second["revision"]?.numberValue?.int64 else { return false }
            return r2 == r1 + 1 && first["futureFacetScore"] != nil && first["detail"]?["futureDetail"] == "x"
        },
        Row(variant: .odataAnnotations) { try json(await fetched($0))["@odata.type"] == "#microsoft.graph.workPosition" },
        Row(variant: .timestampsMillis) {
            try await createdDateTime($0).wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil
        },
        Row(variant: .timestampsSeconds) {
            try await createdDateTime($0).wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil
        },
        Row(variant: .timestampsOffset) { try await createdDateTime($0).hasSuffix("+00:00") },
        Row(variant: .opaqueIDs) {
            let id = try await harness($0).create()
            return id.contains("/") && id.contains("+") && id.contains("=")
        },
        Row(variant: .serverPaging) {
            let harness = harness($0)
            _ = try await harness.create()
            _ = try await harness.create()
            let page = try json(await harness.send("GET", me))
            return page["value"]?.arrayValue?.count == 1 && page["@odata.nextLink"] != nil
        },
        Row(variant: .scopeDenial401) {
            let response = await harness($0).send("POST", me, token: TestToken.user(scp: "User.Read"), body: ["isCurrent": true])
            return response.status == 401 && response.header("WWW-Authenticate") != nil
        },
        Row(variant: .appOnly401) { try await appOnlyStatus($0) == 401 },
        Row(variant: .appOnly400) { try await appOnlyStatus($0) == 400 },
        Row(variant: .unsupportedMedia400) {
            await harness($0).send("POST", me, body: ["isCurrent": true], contentType: "text/plain").status == 400
        },
        Row(variant: .readOnlyRejected) {
            let harness = harness($0)
            let id = try await harness.create()
            return await harness.send("PATCH", "\(me)/\(encoded(id))", body: ["createdDateTime": "2000-01-01T00:00:00Z"]).status == 400
        },
        Row(variant: .errorCodesAlt) {
            let body = try json(await notFound($0))
            return body["error"]?["code"] == "ResourceNotFound" && body["error"]?["innerError"] == nil
        },
        Row(variant: .innerErrorMinimal) {
            let inner = try json(await notFound($0, headers: [("client-request-id", "mine")]))["error"]?["innerError"]
            return inner?["request-id"] != nil && inner?["client-request-id"] == nil
        },
        Row(variant: .throttle) {
            let harness = harness($0)
            var statuses: [Int] = []
            for _ in 0..<7 { statuses.append(await harness.send("GET", me).status) }
            let last = await harness.send("GET", me)
            return statuses.last == 429 && statuses.dropLast().allSatisfy { $0 == 200 } && last.status == 200
        },
        Row(variant: .crossTenant403) {
            let harness = harness($0)
            _ = try await harness.create(token: DefectTests.aliceInA)
            return await harness.send("GET", alicePath, token: DefectTests.outsiderInB).status == 403
        },
    ]

    @Test func everyVariantHasARow() {
        #expect(Set(Self.rows.map(\.variant)) == Set(MockVariant.allCases))
        #expect(Self.rows.count == MockVariant.allCases.count)
    }

    @Test func everyVariantHasASummaryAndKebabName() {
        for variant in MockVariant.allCases {
            #expect(!variant.summary.isEmpty)
            #expect(variant.rawValue.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(variant.rawValue)")
        }
    }

    @Test("difference appears only when enabled", arguments: rows)
    func difference(_ row: Row) async throws {
        #expect(try await row.scenario([row.variant]), "enabled: variant behaviour expected")
        #expect(try await !row.scenario([]), "disabled: default behaviour expected")
    }

    // MARK: The documented contract survives each variant

    /// Create, get, PATCH, list, delete with every variant on at once (header casing and the
    /// status variants only change names and statuses, so the documented flow must still work).
    @Test func lifecycleWithEveryVariant() async throws {
        var all = Set(MockVariant.allCases)
        all.remove(.throttle)
        let harness = Self.harness(all)
        let created = await harness.send("POST", Self.me, body: Fixtures.fullBody)
        #expect(created.status == 201)
        let id = try #require(try json(created)["id"]?.stringValue)
        let patched = await harness.send("PATCH", "\(Self.me)/\(Self.encoded(id))", body: ["isCurrent": true])
        #expect(patched.status == 200)
        #expect(try json(patched)["isCurrent"] == true)
        #expect(try json(patched)["detail"]?["jobTitle"] == "Staff Engineer")
        #expect(try json(patched)["id"]?.stringValue == id)
        let deleted = await harness.send("DELETE", "\(Self.me)/\(Self.encoded(id))")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(await harness.send("GET", "\(Self.me)/\(Self.encoded(id))").status == 404)
    }

    @Test func appOnlyOnMeStays400() async {
        for variants: Set<MockVariant> in [[.appOnly401], [.appOnly400], [.scopeDenial401]] {
            let response = await Self.harness(variants).send("GET", Self.me, token: TestToken.app())
            #expect(response.status == 400, "\(variants)")
        }
    }

    @Test func scopeDenial401KeepsGraphErrorBody() async throws {
        let harness = Self.harness([.scopeDenial401])
        _ = try await harness.create()
        let response = await harness.send("GET", Self.alicePath, token: TestToken.bob)
        #expect(response.status == 401)
        #expect(errorCode(response) != nil)
    }

    @Test func opaqueIDsAreAddressableAndEncodedInLocation() async throws {
        let harness = Self.harness([.opaqueIDs])
        let created = await harness.send("POST", Self.me, body: Fixtures.fullBody)
        let id = try #require(try json(created)["id"]?.stringValue)
        let location = try #require(created.header("Location"))
        #expect(location.hasSuffix("/" + Self.encoded(id)))
        #expect(location.contains("%2F") && location.contains("%2B") && location.contains("%3D"))
        // Fully encoded, and with only '/' encoded (RFC 3986 lets '+' and '=' stay raw in a segment).
        let partly = id.replacingOccurrences(of: "/", with: "%2F")
        for path in ["\(Self.me)/\(Self.encoded(id))", "\(Self.me)/\(partly)", "\(Self.alicePath)/\(partly)"] {
            let response = await harness.send("GET", path)
            #expect(response.status == 200, "\(path)")
            #expect(try json(response)["id"]?.stringValue == id)
        }
        #expect(await harness.send("PATCH", "\(Self.me)/\(partly)", body: ["isCurrent": true]).status == 200)
        let list = try json(await harness.send("GET", Self.me))
        #expect(list["value"]?.arrayValue?.first?["id"]?.stringValue == id)
        #expect(await harness.send("DELETE", "\(Self.me)/\(partly)").status == 204)
    }

    @Test func serverPagingNextLinksReachEveryItemOnce() async throws {
        let harness = Self.harness([.serverPaging])
        var ids: [String] = []
        for _ in 0..<3 { ids.append(try await harness.create()) }
        var seen: [String] = []
        var target: String? = Self.me + "?$select=id,isCurrent"
        while let next = target {
            let page = try json(await harness.send("GET", next))
            seen += page["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(page["value"]?.arrayValue?.first?.objectValue?.keys.sorted() == ["id", "isCurrent"])
            target = page["@odata.nextLink"]?.stringValue.map { String($0.dropFirst("http://graph.test".count)) }
        }
        #expect(seen == ids)
        let topped = try json(await harness.send("GET", Self.me + "?$top=2"))
        let rest = try #require(topped["@odata.nextLink"]?.stringValue)
        #expect(rest.contains("$top=1&$skiptoken="))
    }

    /// A cursor, not an offset: deleting an item already seen between two page reads must not
    /// make the next page skip one (concurrent clients do exactly that).
    @Test func serverPagingSurvivesDeletionsBetweenPages() async throws {
        let harness = Self.harness([.serverPaging])
        var ids: [String] = []
        for _ in 0..<3 { ids.append(try await harness.create()) }
        let first = try json(await harness.send("GET", Self.me))
        #expect(first["value"]?.arrayValue?.first?["id"]?.stringValue == ids[0])
        #expect(await harness.send("DELETE", "\(Self.me)/\(ids[0])").status == 204)
        let next = try #require(first["@odata.nextLink"]?.stringValue.map { String($0.dropFirst("http://graph.test".count)) })
        let second = try json(await harness.send("GET", next))
        #expect(second["value"]?.arrayValue?.first?["id"]?.stringValue == ids[1])
    }

    @Test func millisecondStampsAdvanceVisiblyOnEveryWrite() async throws {
        let harness = Self.harness([.timestampsMillis])
        let created = try json(await harness.send("POST", Self.me, body: Fixtures.fullBody))
        let id = try #require(created["id"]?.stringValue)
        var previous = try #require(created["lastModifiedDateTime"]?.stringValue)
        for _ in 0..<5 {
            let patched = try json(await harness.send("PATCH", "\(Self.me)/\(id)", body: ["isCurrent": true]))
            let stamp = try #require(patched["lastModifiedDateTime"]?.stringValue)
            #expect(stamp > previous)
            previous = stamp
        }
        // Same stored value, same text, in every response.
        let fetched = try json(await harness.send("GET", "\(Self.me)/\(id)"))
        #expect(fetched["lastModifiedDateTime"]?.stringValue == previous)
        #expect(fetched["createdDateTime"] == created["createdDateTime"])
    }

    @Test func wholeSecondStampsNeverGoBackwards() async throws {
        let harness = Self.harness([.timestampsSeconds, .timestampsOffset])
        let created = try json(await harness.send("POST", Self.me, body: Fixtures.fullBody))
        let id = try #require(created["id"]?.stringValue)
        let createdAt = try #require(created["createdDateTime"]?.stringValue)
        #expect(createdAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00/) != nil)
        var previous = createdAt
        for _ in 0..<5 {
            let patched = try json(await harness.send("PATCH", "\(Self.me)/\(id)", body: ["isCurrent": true]))
            let stamp = try #require(patched["lastModifiedDateTime"]?.stringValue)
            #expect(stamp >= previous)
            previous = stamp
        }
        try await Task.sleep(for: .milliseconds(1100))
        let later = try json(await harness.send("PATCH", "\(Self.me)/\(id)", body: ["isCurrent": false]))
        #expect(try #require(later["lastModifiedDateTime"]?.stringValue) > previous)
    }

    @Test func shuffledMembersReachNestedObjectsAndErrors() async throws {
        let body = try json(await Self.fetched([.shuffledMembers]))
        #expect(body["detail"]?.objectValue?.keys.first == "summary")
        #expect(body["detail"]?["company"]?.objectValue?.keys.first == "webUrl")
        let error = try json(await Self.notFound([.shuffledMembers]))
        #expect(error["error"]?.objectValue?.keys.first == "innerError")
        let list = try json(await Self.harness([.shuffledMembers]).send("GET", Self.me))
        #expect(list.objectValue?.keys == ["@odata.context", "value"])
    }

    @Test func extraPropertiesInErrorsAndNotUnderSelect() async throws {
        let error = try json(await Self.notFound([.extraProperties]))
        #expect(error["error"]?["details"] == [])
        #expect(error["error"]?["innerError"]?["x-ms-extra"] != nil)
        let harness = Self.harness([.extraProperties])
        let id = try await harness.create()
        let selected = try json(await harness.send("GET", "\(Self.me)/\(id)?$select=id"))
        #expect(selected.objectValue?.keys == ["@odata.context", "id"])
        let full = try json(await harness.send("GET", "\(Self.me)/\(id)"))
        #expect(full["isSearchable"] == true)
        #expect(full["sources"] == [])
        #expect(full["detail"]?["company"]?["futureCompanyTier"] != nil)
        #expect(full["createdBy"]?["user"]?["userIdentityType"] == "aadUser")
        #expect(full["createdBy"]?["user"]?["id"]?.stringValue == TestToken.aliceID)
    }

    @Test func readOnlyRejectedCoversCreateAndEveryServerManagedMember() async {
        let harness = Self.harness([.readOnlyRejected])
        for name in ["id", "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime"] {
            let response = await harness.send("POST", Self.me, body: .object(JSONObject([(name, "x"), ("isCurrent", true)])))
            #expect(response.status == 400, "\(name)")
        }
        #expect(await harness.send("POST", Self.me, body: ["source": ["type": "User"]]).status == 201)
    }

    @Test func gzipOnlyWhenAskedAndDecodes() async throws {
        let plain = try await Self.fetched([.gzipWhenAsked])
        #expect(plain.header("Content-Encoding") == nil)
        #expect(plain.header("Vary") == "Accept-Encoding")
        let refused = try await Self.fetched([.gzipWhenAsked], headers: [("Accept-Encoding", "gzip;q=0, identity")])
        #expect(refused.header("Content-Encoding") == nil)
        let zipped = try await Self.fetched([.gzipWhenAsked], headers: [("Accept-Encoding", "gzip")])
        let inflated = try #require(StoredGunzip.decode(zipped.body))
        #expect(try JSONParser.value(inflated)["id"] != nil)
    }
}

/// Inflates gzip made of DEFLATE stored blocks (what the mock writes) and checks CRC and size.
enum StoredGunzip {
    static func decode(_ data: [UInt8]) -> [UInt8]? {
        guard data.count >= 18, data[0] == 0x1f, data[1] == 0x8b, data[2] == 8, data[3] == 0 else { return nil }
        var offset = 10
        var out: [UInt8] = []
        while true {
            let header = data[offset]
            guard header & 0b110 == 0 else { return nil }  // stored blocks only
            let length = Int(data[offset + 1]) | Int(data[offset + 2]) << 8
            let complement = Int(data[offset + 3]) | Int(data[offset + 4]) << 8
            guard length ^ 0xffff == complement else { return nil }
            out += data[(offset + 5)..<(offset + 5 + length)]
            offset += 5 + length
            if header & 1 == 1 { break }
        }
        let trailer = Array(data[offset..<(offset + 8)])
        let size = UInt32(trailer[4]) | UInt32(trailer[5]) << 8 | UInt32(trailer[6]) << 16 | UInt32(trailer[7]) << 24
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in out {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        crc = ~crc
        let stored = UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(trailer[3]) << 24
        guard size == UInt32(out.count), stored == crc, offset + 8 == data.count else { return nil }
        return out
    }
}
