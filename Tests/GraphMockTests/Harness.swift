import GraphMock
import JSONShape
import Testing

/// Drives a `MockService` directly (no sockets) with short helpers for the common requests.
struct Harness {
    let service: MockService

    init(_ configure: (inout MockConfiguration) -> Void = { _ in }) {
        var configuration = MockConfiguration()
        configure(&configuration)
        service = MockService(configuration: configuration)
    }

    init(defect: MockDefect?) {
        self.init { $0.defect = defect }
    }

    func send(
        _ method: String, _ path: String, token: String? = TestToken.alice, body: JSONValue? = nil,
        raw: [UInt8]? = nil, contentType: String? = "application/json", headers: [(String, String)] = []
    ) async -> MockResponse {
        var all = headers
        if let token { all.append(("Authorization", "Bearer " + token)) }
        if body != nil || raw != nil, let contentType { all.append(("Content-Type", contentType)) }
        all.append(("Host", "graph.test"))
        return await service.handle(
            MockRequest(method: method, target: path, headers: all, body: raw ?? body?.utf8Bytes ?? []))
    }

    /// Creates a position for the token's user and returns its id (fails the test otherwise).
    func create(
        _ body: JSONValue = Fixtures.fullBody, token: String = TestToken.alice, path: String = "/beta/me/profile/positions"
    ) async throws -> String {
        let response = await send("POST", path, token: token, body: body)
        #expect(response.status == 201, "create: \(response.bodyText)")
        return try #require(try json(response)["id"]?.stringValue)
    }

    func get(_ id: String, token: String = TestToken.alice, user: String = "me") async throws -> JSONValue {
        let response = await send("GET", userPath(user) + "/" + id, token: token)
        #expect(response.status == 200, "get: \(response.bodyText)")
        return try json(response)
    }

    func userPath(_ user: String) -> String {
        user == "me" ? "/beta/me/profile/positions" : "/beta/users/\(user)/profile/positions"
    }
}

func json(_ response: MockResponse) throws -> JSONValue {
    try JSONParser.value(response.body)
}

/// The error code of a Graph error body, or nil.
func errorCode(_ response: MockResponse) -> String? {
    (try? json(response))?["error"]?["code"]?.stringValue
}

enum Fixtures {
    /// The reference's self-made valid update body (§3.6).
    static let fullBody: JSONValue = [
        "allowedAudiences": "organization",
        "detail": [
            "jobTitle": "Staff Engineer", "startMonthYear": "2019-04-01",
            "company": ["displayName": "Contoso", "address": ["type": "business", "city": "Oslo"]],
        ],
        "colleagues": [["displayName": "A. Person", "relationship": "colleague", "userPrincipalName": "a@contoso.com"]],
        "categories": ["one", "two"],
        "manager": ["displayName": "M. Anager", "relationship": "manager"],
        "inference": ["confidenceScore": 0.5, "userHasVerifiedAccuracy": true],
        "isCurrent": false,
    ]
}
