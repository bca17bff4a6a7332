import CaseModel
import Foundation
import GraphMock
import JSONShape
import TestIssuer

extension PreparedRun {
    /// The policy the `wrongKey` auth case waits for (cases/auth/signature.yaml): a token signed
    /// with the wrong key proves something only when the run's own tokens are signed, i.e. when
    /// the target is expected to verify signatures. The run sets `signed` when it signs; the
    /// default is `unsigned`; a target whose own tokens are signed may say `signed` itself.
    public static let mintedTokensPolicy = "mintedTokens"

    /// (Re)mints every principal's token with `minter` and records how tokens are made.
    public mutating func mintTokens(with minter: TokenMinter, forceMint: Bool) {
        self.minter = minter
        let provider = TokenProvider(minter: minter, forceMint: forceMint)
        let (tokens, failures) = provider.tokens(for: prepared.target)
        self.tokens = tokens
        tokenFailures = Dictionary(uniqueKeysWithValues: failures.map { ($0.principal, $0.reason) })
        let mints = forceMint || prepared.target.principals.values.contains { $0.token == .mint }
        if mints, minter.isSigning {
            prepared.target.policies[Self.mintedTokensPolicy] = "signed"
        }
    }

    /// When the run signs, the embedded mock verifies like a real server would: signature against
    /// the run's key, `iss` the run's issuer. Nil for unsigned runs (the mock then checks claims only).
    public var embeddedVerification: TokenVerification? {
        guard let key = minter.signingKey else { return nil }
        let verifier = key.publicJWK.map { TokenSignatureVerifier(jwks: [$0]) } ?? TokenSignatureVerifier(secret: key)
        return TokenVerification(issuer: minter.issuerClaim, verifier: verifier)
    }

    /// A copy whose tokens are signed with a fresh key, and the verification a mock needs to
    /// trust exactly that key and issuer: how selftest runs the signature defect end to end.
    public func signedWithFreshKey() throws -> (run: PreparedRun, verification: TokenVerification) {
        let key = try SigningKey.generate(.es256)
        var minter = try minter.signing(with: key)
        minter.issuer = "https://graph-conformance.selftest.invalid/issuer"
        var run = self
        run.mintTokens(with: minter, forceMint: true)
        let verification = TokenVerification(issuer: minter.issuer, verifier: TokenSignatureVerifier(jwks: key.publicJWK.map { [$0] } ?? []))
        return (run, verification)
    }
}
