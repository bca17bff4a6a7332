import ArgumentParser
import Foundation
import GraphMock
import Runner
import TestIssuer

/// `graph-conformance serve`: only the embedded mock, for trying it by hand or pointing another
/// tool at it. The first line on stdout is its base URL.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the embedded Graph-compatible mock until interrupted."
    )

    @Option(name: .long, help: "Port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 0

    @Option(name: .long, help: "Address to bind (loopback only unless you mean it).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Run with exactly one built-in defect (see --list-defects).")
    var defect: String?

    @Flag(name: .customLong("list-defects"), help: "List the built-in defects and exit.")
    var listDefects = false

    @Option(name: .long, help: "Behave in one of the ways a conforming server may differ (repeatable; see --list-variants).")
    var variant: [String] = []

    @Flag(name: .customLong("list-variants"), help: "List the conforming variants and exit.")
    var listVariants = false

    @Option(name: .customLong("complex-patch"), help: "Nested complex PATCH behaviour: merge (default) or replace.")
    var complexPatch: String = "merge"

    @Option(name: .customLong("throttle-every"), help: "Answer every Nth request with 429 + Retry-After.")
    var throttleEvery: Int?

    @Option(name: .long, help: ArgumentHelp("Answer every request this many milliseconds after it arrived, like a remote Graph; `50~20` adds ±20 ms of jitter.", valueName: "ms[~jitter]"))
    var latency: String?

    @Option(name: .customLong("latency-jitter"), help: ArgumentHelp("Spread each answer's --latency uniformly by ± this many milliseconds.", valueName: "ms"))
    var latencyJitter: Int?

    @Option(name: .customLong("throttle-over-concurrency"), help: ArgumentHelp("Answer 429 + Retry-After to a request that arrives while more than N are in flight (a target that pushes back on load).", valueName: "N"))
    var throttleOverConcurrency: Int?

    @Option(name: .long, help: "A hostile transport mode, not a contract defect (see --list-hostile).")
    var hostile: String?

    @Flag(name: .customLong("list-hostile"), help: "List the hostile transport modes and exit.")
    var listHostile = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0…65535, got \(port)") }
        _ = try MockLatency.option(latency, jitter: latencyJitter)
        if let throttleOverConcurrency, throttleOverConcurrency < 1 {
            throw ValidationError("--throttle-over-concurrency must be at least 1, got \(throttleOverConcurrency)")
        }
    }

    @Option(name: .customLong("verify-issuer"), help: "Verify token signatures and iss against this issuer's discovery and JWKS (e.g. `graph-conformance issuer`).")
    var verifyIssuer: String?

    func run() async throws {
        if listHostile {
            let width = (MockHostility.allCases.map(\.rawValue.count).max() ?? 0) + 2
            for mode in MockHostility.allCases {
                print(mode.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + mode.summary)
            }
            return
        }
        if listDefects {
            let width = (MockDefect.allCases.map(\.rawValue.count).max() ?? 0) + 2
            for defect in MockDefect.allCases {
                print(defect.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + defect.summary)
            }
            return
        }
        if listVariants {
            let width = (MockVariant.allCases.map(\.rawValue.count).max() ?? 0) + 2
            for variant in MockVariant.allCases {
                print(variant.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + variant.summary)
            }
            return
        }
        var configuration = MockConfiguration()
        configuration.variants = try Set(variant.map { name in
            guard let parsed = MockVariant(rawValue: name) else { throw ValidationError("unknown variant '\(name)'; see --list-variants") }
            return parsed
        })
        guard let mode = MockConfiguration.ComplexPatch(rawValue: complexPatch) else {
            throw ValidationError("--complex-patch takes merge or replace")
        }
        configuration.complexPatch = mode
        configuration.throttleEvery = throttleEvery
        configuration.throttleAboveInFlight = throttleOverConcurrency
        configuration.latency = try MockLatency.option(latency, jitter: latencyJitter)
        if let defect {
            guard let parsed = MockDefect(rawValue: defect) else {
                throw ValidationError("unknown defect '\(defect)'; see --list-defects")
            }
            configuration.defect = parsed
        }
        if let hostile {
            guard let parsed = MockHostility(rawValue: hostile) else {
                throw ValidationError("unknown hostile mode '\(hostile)'; see --list-hostile")
            }
            configuration.hostility = parsed
        }
        if let verifyIssuer {
            do {
                let discovery = try IssuerDiscovery.fetch(verifyIssuer)
                configuration.tokenVerification = TokenVerification(issuer: discovery.issuer, verifier: TokenSignatureVerifier(jwks: discovery.keys))
            } catch {
                throw ValidationError("--verify-issuer: \(error)")
            }
        }
        if configuration.defect == .skipsSignatureCheck, configuration.tokenVerification == nil {
            FileHandle.printError("warning: defect skips-signature-check shows only with --verify-issuer: without it no signature is checked at all")
        }
        let server: GraphMockServer
        do {
            server = try await GraphMockServer.start(host: host, port: port, configuration: configuration)
        } catch {
            // The arguments were fine; the machine would not let us listen there.
            throw ConformanceError.runtime("cannot serve on \(host):\(port): \(error)")
        }
        print(server.baseURL)
        fflush(nil)
        FileHandle.printError("graph-conformance mock serving \(server.baseURL)" + (defect.map { " with defect \($0)" } ?? "")
                              + (configuration.latency.map { " answering after \($0)" } ?? "") + "; Ctrl-C stops it")
        let stopped = AsyncStream<Void> { continuation in
            Interruption.shared.install { continuation.finish() }
        }
        for await _ in stopped {}
        try await server.shutdown()
    }
}
