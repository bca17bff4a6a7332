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

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// A recorded run read back: responses by case, in the order they were received.
public final class ReplayLog: @unchecked Sendable {
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    private let lock = NSLock()
    private var responses: [String: [HTTPResponse]] = [:]
    private var cursors: [String: Int] = [:]
    let bindings: [String: JSONValue]
    public let path: String

    public init(path: String) throws(LoadError) {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError(description: "cannot read \(path)") }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(data)).value
        } catch {
            throw LoadError(description: "\(path) is not a HAR file: \(error)")
        }
        guard let entries = document["log"]?["entries"]?.arrayValue else {
            throw LoadError(description: "\(path) has no log.entries (HAR 1.2)")
        }
        var grouped: [String: [(Int, HTTPResponse)]] = [:]
        for (index, entry) in entries.enumerated() {
            guard let comment = entry["comment"]?.stringValue, let hash = comment.lastIndex(of: "#"),
                let sequence = Int(comment[comment.index(after: hash)...]), let response = entry["response"],
                let status = response["status"]?.numberValue?.int64
            else {
                throw LoadError(description: "\(path): entry \(index) was not written by graph-conformance (no case#sequence comment)")
            }
            let headers = (response["headers"]?.arrayValue ?? []).compactMap { item -> HTTPHeader? in
                guard let name = item["name"]?.stringValue, let value = item["value"]?.stringValue else { return nil }
                return HTTPHeader(name: name, value: value)
            }
            let text = response["content"]?["text"]?.stringValue ?? ""
            let body = response["content"]?["encoding"]?.stringValue == "base64"
                ? Array(Data(base64Encoded: text) ?? Data()) : Array(text.utf8)
            let version = (response["httpVersion"]?.stringValue ?? "HTTP/1.1").replacingOccurrences(of: "HTTP/", with: "")
            grouped[String(comment[..<hash]), default: []].append((sequence, HTTPResponse(status: Int(status), httpVersion: version, headers: headers, body: body)))
        }
        responses = grouped.mapValues { $0.sorted { $0.0 < $1.0 }.map(\.1) }
        var caseBindings: [String: JSONValue] = [:]
        for (key, value) in document["log"]?["_caseBindings"]?.objectValue ?? JSONObject() { caseBindings[key] = value }
        bindings = caseBindings
    }

    /// The next recorded response of a case, or a transport error when the recording has none:
    /// the case changed since it was recorded, or it never ran.
    func next(caseKey: String) throws(TransportError) -> HTTPResponse {
        let response: HTTPResponse? = lock.withLock {
            let index = cursors[caseKey, default: 0]
            cursors[caseKey] = index + 1
            guard let list = responses[caseKey], index < list.count else { return nil }
            return list[index]
        }
        guard let response else {
            throw TransportError(kind: .other, curlCode: 0, message: "no recorded exchange left for this case in \(path) (the case changed since the recording, or did not run then)")
        }
        return response
    }
}
