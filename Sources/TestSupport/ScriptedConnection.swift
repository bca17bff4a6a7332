/// Serves one accepted connection: reads requests and acts out whatever the handler scripts for each.
struct ScriptedConnection {
    let io: SocketIO
    let handler: @Sendable (ParsedRequest) -> ScriptedBehaviour
    let record: @Sendable (ParsedRequest) -> Void

    /// Runs until the script closes the connection, the client leaves, or the server stops.
    func run() {
        var reader = RequestReader(io: io)
        while !io.isStopping() {
            let io = self.io
            guard let request = reader.next(onExpectContinue: {
                _ = io.sendAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            }) else { return }
            record(request)
            guard act(handler(request), for: request) else { return }
        }
    }

    /// Performs one behaviour; true when the connection should stay open for another request.
    private func act(_ behaviour: ScriptedBehaviour, for request: ParsedRequest) -> Bool {
        switch behaviour {
        case let .respond(status, headers, body):
            return respond(status: status, headers: headers, body: body, to: request)
        case let .redirect(location, status):
            return respond(status: status, headers: [("Location", location)], body: [], to: request)
        case .raw(let bytes):
            _ = io.sendAll(bytes)
            io.closeGracefully()
        case .acceptAndHang:
            hang()
        case .closeImmediately:
            io.closeGracefully()
        case .reset:
            io.armReset()
        case .cutMidHeaders:
            _ = io.sendAll(Array("HTTP/1.1 200 OK\r\nContent-Type: applic".utf8))
            io.closeGracefully()
        case .cutMidBody:
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1024\r\n\r\n"
            _ = io.sendAll(Array(head.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 100))
            io.closeGracefully()
        case let .drip(bytes, interval):
            for byte in bytes {
                guard io.sendAll([byte]), io.pause(seconds: interval) else { break }
            }
            io.closeGracefully()
        case .hugeBody(let count):
            streamHugeBody(count)
            io.closeGracefully()
        }
        return false
    }

    private func respond(status: Int, headers: [(String, String)], body: [UInt8], to request: ParsedRequest) -> Bool {
        let names = Set(headers.map { $0.0.lowercased() })
        let clientCloses = request.header("Connection")?.lowercased() == "close" || request.version == "HTTP/1.0"
        let serverCloses = headers.contains { $0.0.lowercased() == "connection" && $0.1.lowercased() == "close" }
        var head = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        let bodyless = (100..<200).contains(status) || status == 204 || status == 304
        if !bodyless, !names.contains("content-length"), !names.contains("transfer-encoding") {
            head += "Content-Length: \(body.count)\r\n"
        }
        if clientCloses, !serverCloses {
            head += "Connection: close\r\n"
        }
        head += "\r\n"
        let payload = request.method == "HEAD" || bodyless ? [] : body
        guard io.sendAll(Array(head.utf8) + payload) else { return false }
        if clientCloses || serverCloses {
            io.closeGracefully()
            return false
        }
        return true
    }

    /// Holds the connection open, draining input, until the client closes or the server stops.
    private func hang() {
        while !io.isStopping() {
            if case .closed = io.read() { return }
        }
    }

    /// Streams `count` body bytes from one reused 64 KiB block so the server's memory stays flat.
    private func streamHugeBody(_ count: Int) {
        let total = max(0, count)
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(total)\r\n\r\n"
        guard io.sendAll(Array(head.utf8)) else { return }
        let block = (0..<65536).map { UInt8(truncatingIfNeeded: $0) }
        var remaining = total
        while remaining > 0 {
            let piece = remaining >= block.count ? block : Array(block.prefix(remaining))
            guard io.sendAll(piece) else { return }
            remaining -= piece.count
        }
    }

    /// Reason phrases for readability; clients must not depend on them.
    static func reason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
