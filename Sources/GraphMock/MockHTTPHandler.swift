import NIOCore
import NIOHTTP1

/// Translates HTTP/1.1 parts into `MockRequest`s and `MockResponse`s back into parts.
///
/// Bodies are accumulated only up to `maxBodyBytes`: a larger `Content-Length` is refused at the
/// head, and a chunked body is refused as soon as it crosses the limit; the rest of that request
/// is read and discarded (so the client can still read the 413) and the connection is closed.
/// Requests arrive one at a time per connection (`HTTPServerPipelineHandler` sits in front).
/// `Expect: 100-continue` gets an interim 100 unless the declared body is already too large.
final class MockHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        case receiving(HTTPRequestHead, [UInt8])
        /// A 413 was sent; discard until the request ends, then close.
        case discarding
        case responding
    }

    private let service: MockService
    private let executor: EventLoopTaskExecutor
    private let gauge: InFlightGauge
    private let maxBodyBytes: Int
    private var state = State.idle

    init(service: MockService, executor: EventLoopTaskExecutor, gauge: InFlightGauge) {
        self.executor = executor
        self.gauge = gauge
        self.service = service
        maxBodyBytes = service.configuration.maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let declared = head.headers.first(name: "content-length").flatMap(Int.init), declared > maxBodyBytes {
                rejectOversized(head, context: context)
            } else {
                state = .receiving(head, [])
                if head.headers[canonicalForm: "expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                    // curl waits a second for this before sending a body larger than 1 KiB.
                    let interim = HTTPResponseHead(version: head.version, status: .continue)
                    context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
                }
            }
        case .body(var buffer):
            guard case .receiving(let head, var body) = state else { return }
            if body.count + buffer.readableBytes > maxBodyBytes {
                rejectOversized(head, context: context)
                return
            }
            state = .idle  // drop the reference so `body` is uniquely owned while appending
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            state = .receiving(head, body)
        case .end:
            switch state {
            case .discarding:
                context.close(promise: nil)
            case .receiving(let head, let body):
                state = .responding
                dispatch(head, body: body, context: context)
            case .idle, .responding:
                break
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func dispatch(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let request = MockRequest(
            method: head.method.rawValue, target: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
        let service = service
        let configuration = service.configuration
        // Latency counts from arrival, handling included, as a client far away would see it.
        let due = configuration.latency.map { NIODeadline.now() + .milliseconds($0.draw()) }
        let inFlight = gauge.enter()
        if let limit = configuration.throttleAboveInFlight, inFlight > limit {
            gauge.recordThrottled()
            answer(service.overloaded(request), head: head, due: due, context: context)
            return
        }
        let promise = context.eventLoop.makePromise(of: MockResponse.self)
        Task(executorPreference: executor) { promise.succeed(await service.handle(request)) }
        promise.futureResult
            .assumeIsolated()
            .whenSuccess { response in self.answer(response, head: head, due: due, context: context) }
    }

    /// Sends `response` at `due` (now when nil or past): a scheduled task on the event loop, so a
    /// slow answer holds no thread while it waits.
    private func answer(_ response: MockResponse, head: HTTPRequestHead, due: NIODeadline?, context: ChannelHandlerContext) {
        guard let due, due > .now() else {
            respond(response, head: head, context: context)
            return
        }
        context.eventLoop.assumeIsolated().scheduleTask(deadline: due) {
            self.respond(response, head: head, context: context)
        }
    }

    private func respond(_ response: MockResponse, head: HTTPRequestHead, context: ChannelHandlerContext) {
        gauge.leave()
        let hostility = service.configuration.hostility
        if let hostility, hostility.applies(method: head.method.rawValue, status: response.status) {
            // Hostile modes keep the connection for this one answer: nothing pipelines after it.
            if hostility == .patchDrips {
                write(response, version: head.version, keepAlive: false, context: context, drip: true)
            }
            return
        }
        state = .idle
        write(response, version: head.version, keepAlive: head.isKeepAlive, context: context)
    }

    private func rejectOversized(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        state = .discarding
        let request = MockRequest(
            method: head.method.rawValue, target: head.uri, headers: head.headers.map { ($0.name, $0.value) })
        write(service.payloadTooLarge(request), version: head.version, keepAlive: false, context: context, close: false)
    }

    private func write(
        _ response: MockResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext, close: Bool = true,
        drip: Bool = false
    ) {
        let variants = service.configuration.variants
        var headers = HTTPHeaders(response.headers)
        // `chunked`: the service already said Transfer-Encoding; NIO frames each body part as a chunk.
        // HTTP/1.0 has no chunked coding (RFC 9112 §6.1), so those clients get Content-Length.
        if version.major == 1, version.minor == 0 { headers.remove(name: "Transfer-Encoding") }
        let isChunked = headers.contains(name: "Transfer-Encoding")
        if response.status != 204, !isChunked {
            headers.replaceOrAdd(name: variants.casedHeaderName("Content-Length"), value: String(response.body.count))
        }
        if !keepAlive { headers.replaceOrAdd(name: variants.casedHeaderName("Connection"), value: "close") }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        if drip {
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
            dripBody(response.body[...], context: context)
            return
        }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            // Several chunks when chunked, so a client that only reads the first one notices.
            let size = isChunked ? max(1, (response.body.count + 2) / 3) : response.body.count
            var offset = 0
            while offset < response.body.count {
                let end = min(offset + size, response.body.count)
                let part = context.channel.allocator.buffer(bytes: response.body[offset..<end])
                context.write(wrapOutboundOut(.body(.byteBuffer(part))), promise: nil)
                offset = end
            }
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive && close {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// `MockHostility.patchDrips`: one byte per interval on the event loop (never blocking it),
    /// then the end and a close; stops as soon as the client has gone.
    private func dripBody(_ rest: ArraySlice<UInt8>, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        guard let byte = rest.first else {
            context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            return
        }
        let part = context.channel.allocator.buffer(bytes: [byte])
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part))), promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(MockHostility.dripIntervalMilliseconds)) {
            self.dripBody(rest.dropFirst(), context: context)
        }
    }
}
