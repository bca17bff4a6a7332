import CurlClient
import Foundation
import JSONShape

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
