import ArgumentParser
import Foundation
import Runner
import TestIssuer

/// How minted tokens are signed and whom they name as issuer (`run`; README, "Servers that verify
/// tokens"). Any of these implies `--mint-tokens`. Key material is read here and never printed.
struct SigningOptions: ParsableArguments {
    @Option(name: .customLong("signing-key"), help: "Sign minted tokens with this PEM private key: RSA → RS256, EC P-256 → ES256.")
    var signingKey: String?

    @Option(name: .customLong("signing-secret-env"), help: "Sign minted tokens HS256 with the secret (≥ 32 bytes) in this environment variable.")
    var signingSecretEnv: String?

    @Option(name: .customLong("issuer-url"), help: "iss of minted tokens ({tid} = tenant id; default \(TokenMinter.defaultIssuer)).")
    var issuerURL: String?

    @Option(name: .long, help: "A test issuer (`graph-conformance issuer`): iss comes from its discovery, and --signing-key must be a key it publishes.")
    var issuer: String?

    var wantsMinting: Bool { signingKey != nil || signingSecretEnv != nil || issuerURL != nil || issuer != nil }

    /// The minter these options describe; every problem is a usage error (exit 2), sent nowhere.
    func minter(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TokenMinter {
        var minter = TokenMinter()
        if signingKey != nil, signingSecretEnv != nil { throw ValidationError("--signing-key and --signing-secret-env exclude each other") }
        if issuer != nil, issuerURL != nil { throw ValidationError("--issuer and --issuer-url exclude each other: --issuer reads iss from the issuer's discovery") }
        if issuer != nil, signingKey == nil {
            throw ValidationError("--issuer needs --signing-key: the issuer publishes only public keys; pass the private key file it was started with (or wrote)")
        }
        do {
            if let signingKey {
                minter = try minter.signing(with: SigningKey(pemFile: signingKey))
            } else if let signingSecretEnv {
                guard let secret = environment[signingSecretEnv], !secret.isEmpty else {
                    throw ValidationError("--signing-secret-env: environment variable \(signingSecretEnv) is not set or empty")
                }
                minter = try minter.signing(with: SigningKey(secret: Array(secret.utf8), origin: "environment variable \(signingSecretEnv)"))
            }
        } catch let error as SigningKeyError {
            throw ValidationError(error.message)
        }
        if let issuerURL { minter.issuer = issuerURL }
        if let issuer, let key = minter.signingKey, let path = signingKey {
            do {
                let discovery = try IssuerDiscovery.fetch(issuer)
                try discovery.requirePublishes(key, path: path)
                minter.issuer = discovery.issuer
            } catch {
                throw ValidationError("--issuer: \(error)")
            }
        }
        return minter
    }
}
