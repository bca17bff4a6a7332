@testable import Runner
import Testing

/// One breaker per endpoint: every way of addressing it reduces to one key.
@Suite struct OperationKeyTests {
    @Test(arguments: [
        ("patch", "/me/profile/positions/${created.id}", "PATCH /…/profile/positions/{id}"),
        ("PATCH", "/users/${user.upn}/profile/positions/${created.id}?$select=id", "PATCH /…/profile/positions/{id}"),
        ("GET", "/users/someone@contoso.com/profile/positions", "GET /…/profile/positions"),
        ("GET", "/me/profile/positions/literal-id", "GET /…/profile/positions/{id}"),
        ("GET", "/me/profile/${segment}", "GET /…/profile/{id}"),
    ])
    func reducesCallerAndIdentifiers(method: String, path: String, expected: String) {
        #expect(OperationKey(method: method, pathTemplate: path).description == expected)
        #expect(OperationKey.of(method: method, pathTemplate: path).description == expected)
    }

    @Test func memoisedKeysMatchFreshOnesForEveryPair() {
        for method in ["GET", "PATCH"] {
            for path in ["/me/profile/positions", "/users/${u}/profile/positions/${id}", "/me/profile/positions/${x}"] {
                #expect(OperationKey.of(method: method, pathTemplate: path) == OperationKey(method: method, pathTemplate: path))
                #expect(OperationKey.of(method: method, pathTemplate: path) == OperationKey.of(method: method, pathTemplate: path))
            }
        }
    }
}
