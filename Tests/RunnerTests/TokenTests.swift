import CaseModel
import Foundation
import JSONShape
@testable import Runner
import Testing

/// Token sources and minted claims (reference §7), and that no failure ever echoes a secret.
@Suite struct TokenTests {
    static func target(principals: String) throws -> TargetFile {
        let sink = DiagnosticSink()
        let text = """
            baseUrl: http://127.0.0.1:1/beta
            users:
              adele: {id: 11111111-2222-3333-4444-555555555555, upn: AdeleV@contoso.example, name: Adele Vance}
            principals:
            \(principals)
            """
        let target = try #require(TargetFileDecoder.load(text: text, path: "t.yaml", sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return target
    }

    static func claims(of token: String) throws -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts[2].isEmpty, "unsigned compact JWT: header.payload.")
        var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.count % 4 != 0 { payload += "=" }
        let data = try #require(Data(base64Encoded: payload))
        return try JSONParser.parse(Array(data)).value
    }

    @Test func mintedDelegatedTokenCarriesGraphClaims() throws {
        let target = try Self.target(principals: "  readWrite: {user: adele, scp: User.ReadWrite, token: {mint: true}}")
        let fixed = Date(timeIntervalSince1970: 1_800_000_000)
        let token = TokenMinter(now: { fixed }).mint(for: try #require(target.principals["readWrite"]), in: target)
        let claims = try Self.claims(of: token)
        #expect(claims["aud"] == "https://graph.microsoft.com")
        #expect(claims["oid"] == "11111111-2222-3333-4444-555555555555")
        #expect(claims["upn"] == "AdeleV@contoso.example")
        #expect(claims["scp"] == "User.ReadWrite")
        #expect(claims["roles"] == nil)
        #expect(claims["iat"] == .int(1_800_000_000))
        #expect(claims["exp"] == .int(1_800_003_600))
        #expect(claims["tid"]?.stringValue?.isEmpty == false)
        #expect(claims["iss"] == .string("https://login.microsoftonline.com/\(TokenMinter.tenantID)/v2.0"), "Microsoft identity platform v2.0 shape by default")
        #expect(claims["xms_gc_test"] != nil, "minted tokens are marked as test tokens")
    }

    @Test func mintedAppTokenHasRolesAndNoScope() throws {
        let target = try Self.target(principals: "  app: {app: 0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a, roles: [User.ReadWrite.All]}")
        let claims = try Self.claims(of: TokenMinter().mint(for: try #require(target.principals["app"]), in: target))
        #expect(claims["roles"] == ["User.ReadWrite.All"])
        #expect(claims["scp"] == nil)
        #expect(claims["idtyp"] == "app")
    }

    @Test(arguments: [TokenDefect.expired, .notYetValid, .wrongAudience])
    func brokenTokensAreBrokenInTheirOneWay(defect: TokenDefect) throws {
        let target = try Self.target(principals: "  readWrite: {user: adele, scp: User.ReadWrite}")
        let now = Date()
        let claims = try Self.claims(of: TokenMinter(now: { now }).mint(for: try #require(target.principals["readWrite"]), in: target, defect: defect))
        let seconds = Int64(now.timeIntervalSince1970)
        let exp = claims["exp"]?.numberValue?.int64 ?? 0, nbf = claims["nbf"]?.numberValue?.int64 ?? 0
        switch defect {
        case .expired: #expect(exp < seconds - 600)
        case .notYetValid: #expect(nbf > seconds + 600)
        case .wrongAudience: #expect(claims["aud"] != "https://graph.microsoft.com" && exp > seconds)
        case .malformed, .wrongKey: break
        }
    }

    @Test func environmentFileAndCommandSources() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gc-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("token.txt")
        try "from-file-token\n".write(to: file, atomically: true, encoding: .utf8)
        let target = try Self.target(principals: """
              fromEnv: {user: adele, scp: User.Read, token: {env: GC_TEST_TOKEN}}
              fromFile: {user: adele, scp: User.Read, token: {file: "\(file.path)"}}
              fromCommand: {user: adele, scp: User.Read, token: {command: "printf 'from-command-token\\\\n'"}}
              missingEnv: {user: adele, scp: User.Read, token: {env: GC_TEST_UNSET}}
              failingCommand: {user: adele, scp: User.Read, token: {command: "echo SECRETXYZ; echo SECRETERR >&2; exit 3"}}
            """)
        let provider = TokenProvider(environment: ["GC_TEST_TOKEN": " from-env-token "])
        let (tokens, failures) = provider.tokens(for: target)
        #expect(tokens["fromEnv"] == "from-env-token")
        #expect(tokens["fromFile"] == "from-file-token")
        #expect(tokens["fromCommand"] == "from-command-token")
        #expect(tokens["missingEnv"] == nil && tokens["failingCommand"] == nil)
        let messages = failures.map(\.description).joined(separator: "\n")
        #expect(messages.contains("GC_TEST_UNSET"))
        #expect(messages.contains("exited with status 3"))
        #expect(!messages.contains("SECRET"), "a failing token command's output is never echoed")
    }

    @Test func targetFileReadsEnvironmentPlaceholders() throws {
        let sink = DiagnosticSink()
        let target = try #require(TargetFileDecoder.load(text: """
            baseUrl: "${env.GC_BASE}/beta"
            users: {me: {id: "${env.GC_ID}", upn: "${env.GC_UPN}"}}
            principals: {readWrite: {user: me, scp: User.ReadWrite, token: {env: GC_TOKEN}}}
            """, path: "t.yaml", sink: sink, environment: ["GC_BASE": "https://graph.example", "GC_ID": "abc", "GC_UPN": "me@x"]))
        #expect(target.baseURL == "https://graph.example/beta")
        #expect(target.users["me"]?.id == "abc" && target.users["me"]?.upn == "me@x")
        #expect(target.principals["readWrite"]?.token == .environment("GC_TOKEN"))
    }

    @Test func undeclaredMembersAreFoundAtAnyDepth() {
        let body: JSONValue = ["id": "1", "revision": 3, "detail": ["jobTitle": "x", "futureDetail": true], "@odata.context": "c",
                               "colleagues": [["displayName": "a", "extra": 1]]]
        let found = ExpectationChecker.undeclaredPointers(in: body, declared: ["id", "detail", "jobTitle", "colleagues", "displayName"])
        #expect(Set(found.map(\.description)) == ["/revision", "/detail/futureDetail", "/colleagues/0/extra"])
    }

    @Test(arguments: [("1", 1.0), ("0", 0.0), ("  2 ", 2.0), ("-1", nil), ("soon", nil), ("", nil)] as [(String, Double?)])
    func retryAfterSeconds(text: String, expected: Double?) {
        #expect(CaseExecution.retryAfter(text) == expected)
    }

    @Test func retryAfterHTTPDateInThePastMeansNow() {
        #expect(CaseExecution.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == 0)
    }
}
