import CurlClient
import Foundation

/// The request/response record of one case, for `<system-out>`: what was sent and what came back,
/// bodies cut at a documented size. Entries are kept raw and formatted only when a report needs
/// the text (passing cases usually never do); redaction happens once, on the finished text.
struct Transcript {
    private enum Entry {
        case note(String)
        case request(method: String, url: String, headers: [HTTPHeader], body: ArraySlice<UInt8>, bodySize: Int)
        case response(status: Int, version: String, headers: [HTTPHeader], body: ArraySlice<UInt8>, bodySize: Int,
                      truncatedAt: Int?, received: Int, seconds: Double)
    }

    private var entries: [Entry] = []
    let bodyLimit: Int

    init(bodyLimit: Int) {
        self.bodyLimit = bodyLimit
    }

    mutating func note(_ line: String) {
        entries.append(.note(line))
    }

    mutating func request(_ request: HTTPRequest) {
        let body = request.body ?? []
        entries.append(.request(method: request.method, url: request.url, headers: request.headers,
                                body: body.prefix(bodyLimit), bodySize: body.count))
    }

    mutating func response(_ response: HTTPResponse, seconds: Double) {
        entries.append(.response(status: response.status, version: response.httpVersion, headers: response.headers,
                                 body: response.body.prefix(bodyLimit), bodySize: response.body.count,
                                 truncatedAt: response.bodyTruncated ? response.body.count : nil,
                                 received: response.bodyBytesReceived, seconds: seconds))
    }

    var text: String {
        var text = ""
        for entry in entries {
            switch entry {
            case .note(let line):
                text += "# \(line)\n"
            case .request(let method, let url, let headers, let body, let size):
                text += "> \(method) \(url)\n"
                for header in headers {
                    let value = header.hasName("Authorization") ? Self.redactedAuthorization(header.value) : header.value
                    text += "> \(header.name): \(value)\n"
                }
                if size > 0 { text += ">\n" + Self.excerpt(body, size: size, prefix: "> ") }
            case .response(let status, let version, let headers, let body, let size, let truncatedAt, let received, let seconds):
                text += "< HTTP/\(version) \(status)  (\(String(format: "%.3f", seconds)) s)\n"
                for header in headers { text += "< \(header.name): \(header.value)\n" }
                if size > 0 {
                    text += "<\n" + Self.excerpt(body, size: size, prefix: "< ")
                    if let truncatedAt { text += "< …[body cut at \(truncatedAt) of \(received) bytes]\n" }
                }
            }
        }
        return text
    }

    private static func excerpt(_ kept: ArraySlice<UInt8>, size: Int, prefix: String) -> String {
        var body = String(decoding: kept, as: UTF8.self)
        if size > kept.count { body += "…[\(size - kept.count) more bytes]" }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n") + "\n"
    }

    /// Keeps the scheme word (it matters for the auth cases) and hides the credential.
    private static func redactedAuthorization(_ value: String) -> String {
        guard let space = value.firstIndex(of: " ") else { return value.isEmpty ? "" : "[REDACTED]" }
        let rest = value[value.index(after: space)...]
        return String(value[..<space]) + (rest.isEmpty ? " " : " [REDACTED]")
    }
}
