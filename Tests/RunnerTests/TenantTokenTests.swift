import CaseModel
import Foundation
import JSONShape
@testable import Runner
import Testing

/// A principal's own tenant (reference §7, §9.2) reaches its minted token; others keep the target's.
@Suite struct TenantTokenTests {
    @Test func aPrincipalOfAnotherTenantGetsThatTidAndIssuer() throws {
        let target = try TokenTests.target(principals: """
              readWrite: {user: adele, scp: User.ReadWrite}
              otherTenant: {user: adele, tenant: 9e8d7c6b-5a49-4f38-a726-15d4c3b2a190, scp: User.ReadWrite.All}
              otherTenantApp: {app: 2a3b4c5d-6e7f-4081-92a3-b4c5d6e7f809, tenant: 9e8d7c6b-5a49-4f38-a726-15d4c3b2a190, roles: [User.ReadWrite.All]}
            """)
        let minter = TokenMinter()
        for name in ["otherTenant", "otherTenantApp"] {
            let claims = try TokenTests.claims(of: minter.mint(for: try #require(target.principals[name]), in: target))
            #expect(claims["tid"] == "9e8d7c6b-5a49-4f38-a726-15d4c3b2a190", "\(name)")
            // The default issuer template (Microsoft identity platform v2.0) expanded with that tenant.
            #expect(claims["iss"] == "https://login.microsoftonline.com/9e8d7c6b-5a49-4f38-a726-15d4c3b2a190/v2.0", "\(name)")
        }
        let own = try TokenTests.claims(of: minter.mint(for: try #require(target.principals["readWrite"]), in: target))
        #expect(own["tid"] == .string(TokenMinter.tenantID))
    }

    @Test func anEmptyTenantFromTheEnvironmentMeansTheTargetsOwn() throws {
        let sink = DiagnosticSink()
        let text = """
            baseUrl: http://127.0.0.1:1/beta
            users: {adele: {id: 11111111-2222-3333-4444-555555555555, upn: a@contoso.example}}
            principals: {otherTenant: {user: adele, tenant: "${env.GC_UNSET_TENANT}", scp: User.ReadWrite.All}}
            """
        let target = try #require(TargetFileDecoder.load(text: text, path: "t.yaml", sink: sink, environment: [:]))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(target.principals["otherTenant"]?.tenant == nil)
    }
}
