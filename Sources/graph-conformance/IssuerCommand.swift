import ArgumentParser
import Foundation
import TestIssuer

/// `graph-conformance issuer`: a test identity provider that a server under test can trust the
/// way it trusts Microsoft's — OpenID Connect discovery and a JWKS with the public key — while
/// `run --issuer URL --signing-key FILE` mints tokens with the private key. The first line on
/// stdout is the issuer URL (like `serve`); the private key never leaves its 0600 file.
struct IssuerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer",
        abstract: "Serve OpenID Connect discovery and a JWKS for the suite's signed test tokens until interrupted."
    )

    @Option(name: .long, help: "Port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 0

    @Option(name: .long, help: "Address to bind (loopback only unless you mean it).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "PEM private key whose public half is published (RSA → RS256, EC P-256 → ES256); without it an RSA key is generated and written to a new 0600 file.")
    var key: String?

    @Option(name: .customLong("key-out"), help: "Where to write a generated key (a new file; default: a fresh folder under the temporary directory).")
    var keyOut: String?

    func run() async throws {
        let signingKey: SigningKey
        var keyPath: String
        do {
            if let key {
                signingKey = try SigningKey(pemFile: key)
                keyPath = key
            } else {
                signingKey = try SigningKey.generate(.rs256)
                keyPath = try signingKey.writePrivateKey(to: keyOut ?? SigningKey.newKeyPath())
            }
        } catch let error as SigningKeyError {
            throw ValidationError(error.message)
        }
        let server = try await TestIssuerServer.start(host: host, port: port, keys: [signingKey])
        // Line 1: the issuer (what a server's authority setting takes); line 2: the private key file.
        print(server.issuer)
        print("signing-key: \(keyPath)")
        fflush(nil)
        FileHandle.printError("graph-conformance issuer \(server.issuer) publishing \(signingKey) at \(server.issuer)\(OpenIDConfiguration.jwksPath)"
            + (key == nil ? "; generated private key written to \(keyPath) (mode 0600)" : "")
            + "; mint with: graph-conformance run --issuer \(server.issuer) --signing-key \(keyPath); Ctrl-C stops it")
        let stopped = AsyncStream<Void> { continuation in
            Interruption.shared.install { continuation.finish() }
        }
        for await _ in stopped {}
        try await server.shutdown()
    }
}
