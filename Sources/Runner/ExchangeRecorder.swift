import CurlClient
import Foundation
import JSONShape
import Reporting

/// Collects every exchange of a run as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/),
/// redacted, so a run against a live service can be checked again offline with `--replay`.
///
/// Each entry's `comment` is `<case key>#<sequence>`; the log's `_caseBindings` member keeps each
/// case's built-in values (uuid, now, runId), so a replay resolves expectations the same way.
public final class ExchangeRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(key: String, sequence: Int, entry: JSONValue)] = []
    private var caseBindings: [(key: String, values: JSONValue)] = []
    private let secrets: [String]

    public init(secrets: [String]) {
        self.secrets = secrets
    }

    func recordBindings(caseKey: String, values: JSONValue) {
        lock.withLock { caseBindings.append((caseKey, values)) }
    }

    func record(caseKey: String, sequence: Int, request: HTTPRequest, response: HTTPResponse, started: Date, seconds: Double) {
        let entry: JSONValue = [
            "startedDateTime": .string(Self.timestamp(started)),
            "time": .double((seconds * 1000).rounded()),
            "comment": .string("\(caseKey)#\(sequence)"),
            "request": [
                "method": .string(request.method),
                "url": .string(request.url),
                "httpVersion": "HTTP/1.1",
                "cookies": [],
                "headers": .array(request.headers.map(header)),
                "queryString": [],
                "headersSize": -1,
                "bodySize": .int(request.body?.count ?? 0),
                "postData": ["mimeType": .string(request.headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""),
                             "text": .string(redact(String(decoding: request.body ?? [], as: UTF8.self)))],
            ],
            "response": [
                "status": .int(response.status),
                "statusText": "",
                "httpVersion": .string("HTTP/\(response.httpVersion)"),
                "cookies": [],
                "headers": .array(response.headers.map(header)),
                "content": content(response),
                "redirectURL": .string(response.redirectLocation ?? ""),
                "headersSize": -1,
                "bodySize": .int(response.bodyBytesReceived),
            ],
            "cache": [:],
            "timings": ["send": 0, "wait": .double((seconds * 1000).rounded()), "receive": 0],
        ]
        lock.withLock { entries.append((caseKey, sequence, entry)) }
    }

    /// The HAR document, entries in case then sequence order for a stable file.
    public func har() -> String {
        let (sorted, bindings) = lock.withLock {
            (entries.sorted { ($0.key, $0.sequence) < ($1.key, $1.sequence) }.map(\.entry),
             caseBindings.sorted { $0.key < $1.key })
        }
        let log: JSONValue = [
            "log": [
                "version": "1.2",
                "creator": ["name": "graph-conformance", "version": .string(GraphConformanceVersion.current)],
                "entries": .array(sorted),
                "_caseBindings": .object(JSONObject(bindings.map { (key: $0.key, value: $0.values) })),
            ],
        ]
        return log.rendered(pretty: true) + "\n"
    }

    private func header(_ header: HTTPHeader) -> JSONValue {
        let sensitive = ["authorization", "cookie", "set-cookie", "proxy-authorization"].contains(header.name.lowercased())
        return ["name": .string(header.name), "value": .string(sensitive ? Redactor.marker : redact(header.value))]
    }

    /// Text bodies as text; anything that is not UTF-8 as base64, as HAR allows.
    private func content(_ response: HTTPResponse) -> JSONValue {
        let mimeType = JSONValue.string(response.header("Content-Type") ?? "")
        if let text = String(validating: response.body, as: UTF8.self) {
            return ["size": .int(response.body.count), "mimeType": mimeType, "text": .string(redact(text))]
        }
        return ["size": .int(response.body.count), "mimeType": mimeType, "text": .string(Data(response.body).base64EncodedString()), "encoding": "base64"]
    }

    private func redact(_ text: String) -> String {
        Redactor.redact(text, secrets: secrets)
    }

    /// HAR's `startedDateTime`: RFC 3339 UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        UTCDateTime.rfc3339(secondsSince1970: date.timeIntervalSince1970, fractionDigits: 3)
    }
}
