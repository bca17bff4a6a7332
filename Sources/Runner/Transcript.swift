import CurlClient
import Foundation

/// The request/response record of one case, for `<system-out>`: what was sent and what came back,
/// bodies cut at a documented size. Redaction happens once, on the finished text.
struct Transcript {
    private(set) var text = ""
    let bodyLimit: Int

    mutating func note(_ line: String) {
        text += "# \(line)\n"
    }

    mutating func request(_ request: HTTPRequest) {
        text += "> \(request.method) \(request.url)\n"
        for header in request.headers {
            let value = header.name.caseInsensitiveCompare("Authorization") == .orderedSame ? redactedAuthorization(header.value) : header.value
            text += "> \(header.name): \(value)\n"
        }
        if let body = request.body, !body.isEmpty { text += ">\n" + excerpt(body, prefix: "> ") }
    }

    mutating func response(_ response: HTTPResponse, seconds: Double) {
        text += "< HTTP/\(response.httpVersion) \(response.status)  (\(String(format: "%.3f", seconds)) s)\n"
        for header in response.headers { text += "< \(header.name): \(header.value)\n" }
        if !response.body.isEmpty {
            text += "<\n" + excerpt(response.body, prefix: "< ")
            if response.bodyTruncated { text += "< …[body cut at \(response.body.count) of \(response.bodyBytesReceived) bytes]\n" }
        }
    }

    private func excerpt(_ bytes: [UInt8], prefix: String) -> String {
        let kept = bytes.prefix(bodyLimit)
        var body = String(decoding: kept, as: UTF8.self)
        if bytes.count > bodyLimit { body += "…[\(bytes.count - bodyLimit) more bytes]" }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n") + "\n"
    }

    /// Keeps the scheme word (it matters for the auth cases) and hides the credential.
    private func redactedAuthorization(_ value: String) -> String {
        guard let space = value.firstIndex(of: " ") else { return value.isEmpty ? "" : "[REDACTED]" }
        let rest = value[value.index(after: space)...]
        return String(value[..<space]) + (rest.isEmpty ? " " : " [REDACTED]")
    }
}
