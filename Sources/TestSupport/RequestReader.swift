import Foundation

/// Reads HTTP/1.x requests off one connection, keeping leftover bytes for the next (pipelined) request.
struct RequestReader {
    /// Requests larger than this are treated as a broken client and end the connection.
    static let maxRequestBytes = 64 << 20

    let io: SocketIO
    private var buffer: [UInt8] = []

    init(io: SocketIO) {
        self.io = io
    }

    /// The next complete request, or nil when the client closed, sent garbage, or the server is stopping.
    mutating func next(onExpectContinue: () -> Void) -> ParsedRequest? {
        guard let headEnd = readUntilHeadEnd() else { return nil }
        let rawHead = Array(buffer[..<headEnd])
        buffer.removeFirst(headEnd)
        guard var request = Self.parseHead(rawHead) else { return nil }

        let length = request.header("Content-Length").flatMap { Int($0) } ?? 0
        guard length >= 0, length <= Self.maxRequestBytes else { return nil }
        if length > buffer.count, request.header("Expect")?.lowercased() == "100-continue" {
            onExpectContinue()
        }
        while buffer.count < length {
            guard fill() else { return nil }
        }
        request.body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return request
    }

    /// Index just past the blank line ending the head.
    private mutating func readUntilHeadEnd() -> Int? {
        let marker: [UInt8] = [13, 10, 13, 10]
        var searchFrom = 0
        while true {
            var start = searchFrom
            while start + 4 <= buffer.count {
                if buffer[start..<(start + 4)].elementsEqual(marker) { return start + 4 }
                start += 1
            }
            searchFrom = max(0, buffer.count - 3)
            guard buffer.count <= Self.maxRequestBytes, fill() else { return nil }
        }
    }

    /// Appends one read's worth of bytes; false on close or stop.
    private mutating func fill() -> Bool {
        while true {
            switch io.read() {
            case .data(let bytes):
                buffer.append(contentsOf: bytes)
                return true
            case .timedOut:
                if io.isStopping() { return false }
            case .closed:
                return false
            }
        }
    }

    /// Splits the request line and header fields; nil if the request line is not three tokens.
    static func parseHead(_ rawHead: [UInt8]) -> ParsedRequest? {
        let text = String(decoding: rawHead, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name: name, value: value))
        }
        return ParsedRequest(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            version: String(requestLine[2]),
            headers: headers,
            body: [],
            rawHead: rawHead
        )
    }
}
