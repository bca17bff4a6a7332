import NIOCore
import NIOHTTP1
import NIOPosix

/// `graph-conformance issuer`: a test identity provider on a real socket. It publishes OpenID
/// Connect discovery and the JWKS of its signing keys — the public halves only — so a server
/// under test can point its authority at it exactly as it would at Microsoft's.
/// It hands out no tokens: the suite mints them with the private key it was given.
public final class TestIssuerServer: Sendable {
    public let port: Int
    /// `http://host:port`; discovery is at `issuer + /.well-known/openid-configuration`.
    public let issuer: String
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    private init(port: Int, issuer: String, group: MultiThreadedEventLoopGroup, channel: any Channel) {
        self.port = port
        self.issuer = issuer
        self.group = group
        self.channel = channel
    }

    /// Binds (port 0 picks a free one) and serves `keys` until `shutdown()`.
    public static func start(host: String = "127.0.0.1", port: Int = 0, keys: [SigningKey]) async throws -> TestIssuerServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let documents = IssuerDocuments(keys: keys)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(IssuerHTTPHandler(documents: documents))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            guard let bound = channel.localAddress?.port else {
                try? await channel.close().get()
                throw ChannelError.unknownLocalAddress
            }
            let issuer = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)"
            documents.issuer = issuer
            return TestIssuerServer(port: bound, issuer: issuer, group: group, channel: channel)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    public func shutdown() async throws {
        try? await channel.close().get()
        try await group.shutdownGracefully()
    }
}
