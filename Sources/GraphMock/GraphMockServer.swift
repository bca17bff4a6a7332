import NIOCore
import NIOHTTP1
import NIOPosix

/// The mock on a real socket: SwiftNIO HTTP/1.1 in front of one `MockService`.
///
/// Keep-alive and pipelining are handled by NIO's server pipeline; a malformed request gets NIO's
/// 400 and that connection is closed while the listener keeps serving. Bind to port 0 and read
/// `port` to avoid collisions in tests.
public final class GraphMockServer: Sendable {
    public let port: Int
    public let baseURL: String
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let latch = ShutdownLatch()

    /// Requests in flight across connections, and the 429s `throttleAboveInFlight` gave.
    public let load: InFlightGauge

    private init(port: Int, host: String, group: MultiThreadedEventLoopGroup, channel: any Channel, load: InFlightGauge) {
        self.load = load
        self.port = port
        baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/beta"
        self.group = group
        self.channel = channel
    }

    public static func start(
        host: String = "127.0.0.1", port: Int = 0, configuration: MockConfiguration = .init()
    ) async throws -> GraphMockServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(2, System.coreCount))
        let service = MockService(configuration: configuration)
        let load = InFlightGauge()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MockHTTPHandler(service: service, executor: EventLoopTaskExecutor(channel.eventLoop), gauge: load))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            guard let bound = channel.localAddress?.port else {
                try? await channel.close().get()
                throw ChannelError.unknownLocalAddress
            }
            return GraphMockServer(port: bound, host: host, group: group, channel: channel, load: load)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops listening and releases the threads; calling it again does nothing.
    public func shutdown() async throws {
        guard await latch.claim() else { return }
        try? await channel.close().get()
        try await group.shutdownGracefully()
    }
}
