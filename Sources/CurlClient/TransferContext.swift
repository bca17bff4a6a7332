/// Collects one transfer's headers and body from curl's callbacks, outside any Swift error path.
///
/// Callbacks reach this object through an unretained pointer; the session keeps it alive
/// for the whole of curl_easy_perform. Nothing in here may throw or trap.
final class TransferContext {
    /// Largest body prefix to keep; the rest is only counted.
    let maxBodyBytes: Int
    private(set) var body: [UInt8] = []
    private(set) var bodyBytesReceived = 0
    private(set) var bodyTruncated = false
    private(set) var headers: [HTTPHeader] = []
    /// Version from the latest status line ("1.1", "2"), if one was seen.
    private(set) var statusLineVersion: String?
    /// False between a status line and the blank line that ends its header block.
    private(set) var headerBlockComplete = true

    /// See `TransferOptions.shouldAbort`.
    let shouldAbort: (@Sendable () -> Bool)?
    /// Size limits past which the callbacks stop the transfer (`TransferOptions`).
    let limits: Limits
    /// Header bytes and fields of the current response so far.
    private var headerBytes = 0
    private var headerCount = 0
    /// Why a callback stopped the transfer, when it did.
    private(set) var limitExceeded: String?

    struct Limits {
        var receivedBodyBytes = Int.max
        var headerBytes = Int.max
        var headerCount = Int.max
    }

    init(maxBodyBytes: Int, limits: Limits = Limits(), shouldAbort: (@Sendable () -> Bool)? = nil) {
        self.maxBodyBytes = max(0, maxBodyBytes)
        self.limits = limits
        self.shouldAbort = shouldAbort
    }

    /// False once a limit is exceeded: the callback then tells curl to stop.
    var withinLimits: Bool { limitExceeded == nil }

    /// Keeps what fits under the cap and counts everything, so huge bodies cost no memory.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        let room = maxBodyBytes - body.count
        if bytes.count > room {
            bodyTruncated = true
        }
        let kept = min(room, bytes.count)
        if kept > 0 {
            // A rebased buffer, not a slice: the array then copies it in one block, not byte by byte.
            body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<kept]))
        }
        let (sum, overflow) = bodyBytesReceived.addingReportingOverflow(bytes.count)
        bodyBytesReceived = overflow ? Int.max : sum
        if bodyBytesReceived > limits.receivedBodyBytes {
            limitExceeded = "body longer than \(limits.receivedBodyBytes) bytes (after decoding); stopped there"
        }
    }

    /// Handles one raw header line as curl delivers it (CRLF included).
    /// Works on curl's buffer in place: copying every line into an array first cost an allocation
    /// per header field.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        let line = bytes[..<end]
        if line.isEmpty {
            headerBlockComplete = true  // blank line ending a header block
            return
        }
        if line.starts(with: "HTTP/".utf8) {
            startNewResponse(statusLine: Array(line))
            return
        }
        headerBytes += bytes.count
        headerCount += 1
        if headerBytes > limits.headerBytes || headerCount > limits.headerCount {
            limitExceeded = "response headers beyond \(limits.headerCount) fields or \(limits.headerBytes) bytes; stopped there"
            return
        }
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            continueLastHeader(with: Array(line))
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            return  // not a header; nothing sensible to record
        }
        let name = String(decoding: line[..<colon], as: UTF8.self)
        let value = Self.trimmed(line[(colon + 1)...])
        headers.append(HTTPHeader(name: name, value: value))
    }

    /// A new status line means an earlier response (1xx, followed redirect, proxy CONNECT) is over.
    private func startNewResponse(statusLine: [UInt8]) {
        headers.removeAll()
        headerBytes = 0
        headerCount = 0
        body.removeAll()
        bodyBytesReceived = 0
        bodyTruncated = false
        headerBlockComplete = false
        let afterSlash = statusLine.dropFirst("HTTP/".utf8.count)
        let version = afterSlash.prefix { $0 != UInt8(ascii: " ") }
        statusLineVersion = String(decoding: version, as: UTF8.self)
    }

    /// Obsolete line folding: the line extends the previous header's value.
    private func continueLastHeader(with line: [UInt8]) {
        guard var last = headers.popLast() else { return }
        let more = Self.trimmed(line[...])
        last.value = last.value.isEmpty ? more : last.value + " " + more
        headers.append(last)
    }

    /// Strips spaces and tabs at both ends and decodes leniently (bad UTF-8 becomes U+FFFD).
    private static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> String where Bytes.SubSequence == Bytes {
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        var slice = bytes
        while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
        while let last = slice.last, isBlank(last) { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
