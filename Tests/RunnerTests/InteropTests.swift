import CaseModel
import Foundation
@testable import Runner
import TestIssuer
import Testing

/// Our tokens checked by an independent verifier: PyJWT with `cryptography`, fetching discovery
/// and the JWKS from our issuer over HTTP as a server's middleware would. Runs when
/// `GC_INTEROP_VENV` names a venv holding both (`.ci/run` creates one).
@Suite(.serialized, .enabled(if: InteropVenv.python != nil), .timeLimit(.minutes(2))) struct InteropTests {

    /// Decodes GC_TOKEN (must pass) and GC_FORGED (must fail on its signature); prints one verdict each.
    static let script = #"""
    import json, os, sys, urllib.request
    import jwt
    issuer, alg = os.environ["GC_ISSUER"], os.environ["GC_ALG"]
    def key_for(token):
        if alg == "HS256":
            return os.environ["GC_SECRET"]
        with urllib.request.urlopen(issuer + "/.well-known/openid-configuration") as response:
            discovery = json.load(response)
        assert discovery["issuer"] == issuer, discovery
        return jwt.PyJWKClient(discovery["jwks_uri"]).get_signing_key_from_jwt(token).key
    token = os.environ["GC_TOKEN"]
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, key_for(token), algorithms=[alg], audience="https://graph.microsoft.com", issuer=issuer,
                        options={"require": ["exp", "nbf", "iat", "iss", "aud"]})
    print("valid", header["alg"], header["typ"], claims["oid"])
    try:
        jwt.decode(os.environ["GC_FORGED"], key_for(token), algorithms=[alg], audience="https://graph.microsoft.com", issuer=issuer)
        print("forged ACCEPTED")
    except jwt.InvalidSignatureError:
        print("forged rejected")
    """#

    static func verify(token: String, forged: String, issuer: String, algorithm: JWSAlgorithm, secret: String? = nil) throws -> String {
        let scriptPath = FileManager.default.temporaryDirectory.appendingPathComponent("gc-interop-\(UUID().uuidString).py").path
        try Self.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(InteropVenv.python))
        process.arguments = [scriptPath]
        var environment = ProcessInfo.processInfo.environment
        environment["GC_ISSUER"] = issuer
        environment["GC_ALG"] = algorithm.rawValue
        environment["GC_TOKEN"] = token
        environment["GC_FORGED"] = forged
        environment["GC_SECRET"] = secret
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self) + String(decoding: errors, as: UTF8.self)
    }

    @Test(arguments: [JWSAlgorithm.rs256, .es256, .hs256])
    func pyjwtVerifiesOurTokensAndRejectsTheForgery(algorithm: JWSAlgorithm) async throws {
        let target = try TokenTests.target(principals: "  readWrite: {user: adele, scp: User.ReadWrite}")
        let principal = try #require(target.principals["readWrite"])
        let secret = "interop-shared-secret-\(UUID().uuidString)"
        let key = algorithm == .hs256 ? try SigningKey(secret: Array(secret.utf8), origin: "test") : try SigningKey.generate(algorithm)
        let server = try await TestIssuerServer.start(keys: algorithm == .hs256 ? [] : [key])
        var minter = try TokenMinter().signing(with: key)
        minter.issuer = server.issuer
        let token = minter.mint(for: principal, in: target)
        let forged = minter.mint(for: principal, in: target, defect: .wrongKey)
        let verdict = try Self.verify(token: token, forged: forged, issuer: server.issuer, algorithm: algorithm,
                                      secret: algorithm == .hs256 ? secret : nil)
        try await server.shutdown()
        #expect(verdict.contains("valid \(algorithm.rawValue) JWT 11111111-2222-3333-4444-555555555555"), "\(verdict)")
        #expect(verdict.contains("forged rejected"), "\(verdict)")
    }
}

/// The venv `GC_INTEROP_VENV` names, if it has a Python.
enum InteropVenv {
    static var python: String? {
        guard let venv = ProcessInfo.processInfo.environment["GC_INTEROP_VENV"], !venv.isEmpty else { return nil }
        let path = venv + "/bin/python"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
