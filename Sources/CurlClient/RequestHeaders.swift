/// Turns request headers into curl's list, adding the suppressions that keep the wire exactly as asked.
enum RequestHeaders {
    static func list(for request: HTTPRequest) throws(TransportError) -> HeaderList {
        let list = HeaderList()
        var hasExpect = false, hasContentType = false
        for header in request.headers {
            try validate(header)
            hasExpect = hasExpect || header.hasName("Expect")
            hasContentType = hasContentType || header.hasName("Content-Type")
            // "Name:" would tell curl to remove the header; "Name;" sends it with an empty value.
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            try append(line, to: list)
        }
        if !hasExpect {
            // curl adds "Expect: 100-continue" to larger bodies and then waits; an empty value removes it.
            try append("Expect:", to: list)
        }
        if request.body != nil, !hasContentType {
            // With POSTFIELDS curl would invent application/x-www-form-urlencoded.
            try append("Content-Type:", to: list)
        }
        return list
    }

    /// Rejects names/values that would split the header line; the message never echoes the value.
    private static func validate(_ header: HTTPHeader) throws(TransportError) {
        let badName = header.name.isEmpty || header.name.utf8.contains { byte in
            byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: ":")
        }
        var value = header.value
        // Over the contiguous bytes: a kilobyte of bearer token goes through here on every request.
        let badValue = value.withUTF8 { bytes in
            bytes.contains { byte in byte == 0 || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
        }
        if badName || badValue {
            let shownName = badName ? "(invalid name)" : header.name
            throw TransportError(kind: .other, curlCode: 0, message: "request header \(shownName) contains forbidden characters")
        }
        // A field value never starts or ends with SP/HTAB (RFC 9110 §5.5); HTTP/2 front ends reset
        // the stream if it does (RFC 9113 §8.2.1), so refuse it on every version alike.
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if let first = header.value.utf8.first, let last = header.value.utf8.last, blank(first) || blank(last) {
            throw TransportError(kind: .other, curlCode: 0,
                                 message: "request header \(header.name) has leading or trailing whitespace, which HTTP/2 forbids (RFC 9113 §8.2.1)")
        }
    }

    private static func append(_ line: String, to list: HeaderList) throws(TransportError) {
        guard list.append(line) else {
            throw TransportError(kind: .other, curlCode: 27, message: "curl_slist_append failed (out of memory)")
        }
    }
}
