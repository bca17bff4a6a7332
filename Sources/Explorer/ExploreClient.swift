import CaseModel
import CurlClient
import Foundation
import Identifiers
import JSONShape

/// One connection to the target: a libcurl session (the transport `run` uses), bearer tokens by
/// principal, and the same bounded retry of throttled answers that carry `Retry-After` (§4.3).
/// Not Sendable, like the session it owns: one per worker lane.
final class ExploreClient {
    struct Answer {
        var status: Int
        var contentType: String?
        var body: JSONValue?
        var bodyText: String
        var sentAt: Date
        var receivedAt: Date
        var retryAfterMissing: Bool
    }

    private let session: CurlSession
    let target: ExploreTarget
    var options: TransferOptions
    private(set) var requests = 0

    init(target: ExploreTarget, options: TransferOptions) throws(TransportError) {
        session = try CurlSession()
        self.target = target
        self.options = options
    }

    /// The collection URL of `owner`'s positions as `step` addresses it, or one position in it.
    func url(_ step: ExploreStep, id: String?) -> String {
        let user = target.principal(step.owner)?.user
        var path: String
        switch step.address {
        case .me: path = "/me"
        case .userID: path = "/users/" + Self.segment(user?.id ?? "")
        case .userPrincipalName: path = "/users/" + Self.segment(user?.upn ?? "")
        }
        path += "/profile/positions"
        if let id { path += "/" + Self.segment(id) }
        return target.baseURL + path
    }

    /// Percent-encodes one path segment the way the case language's `| urlencode` does (§9.4).
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// RFC 3986 §2.3 unreserved characters: the set the runner's `urlencode` keeps.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    func send(_ method: String, url: String, principal: String, body: [UInt8]?, contentType: String?) throws(TransportError) -> Answer {
        var headers = [HTTPHeader(name: "Accept", value: "application/json"),
                       HTTPHeader(name: "client-request-id", value: RandomUUID.string())]
        if let token = target.principal(principal)?.token { headers.append(HTTPHeader(name: "Authorization", value: "Bearer " + token)) }
        if let contentType { headers.append(HTTPHeader(name: "Content-Type", value: contentType)) }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body)
        var attempt = 0
        while true {
            let sentAt = Date()
            requests += 1
            let response = try session.perform(request, options: options)
            let retryAfter = response.header("Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            if response.status == 429 || response.status == 503, let delay = retryAfter, delay <= 5, attempt < 4 {
                attempt += 1
                Thread.sleep(forTimeInterval: delay)
                continue
            }
            let text = String(decoding: response.body, as: UTF8.self)
            let parsed = response.body.isEmpty ? nil : try? JSONParser.parse(text).value
            return Answer(status: response.status, contentType: response.header("Content-Type"), body: parsed, bodyText: text,
                          sentAt: sentAt, receivedAt: Date(),
                          retryAfterMissing: response.status == 429 && retryAfter == nil)
        }
    }

    /// Every page of a list, following `@odata.nextLink` on the target's own origin only (the
    /// token never leaves it), at most 100 pages.
    func list(_ url: String, principal: String) throws(TransportError) -> (first: Answer, items: [JSONValue]?) {
        let first = try send("GET", url: url, principal: principal, body: nil, contentType: nil)
        guard first.status == 200, var items = first.body?["value"]?.arrayValue else { return (first, nil) }
        var next = first.body?["@odata.nextLink"]?.stringValue
        var pages = 1
        while let link = next, pages < 100, Self.origin(link) == Self.origin(target.baseURL) {
            let page = try send("GET", url: link, principal: principal, body: nil, contentType: nil)
            guard page.status == 200, let more = page.body?["value"]?.arrayValue else { return (page, nil) }
            items += more
            next = page.body?["@odata.nextLink"]?.stringValue
            pages += 1
        }
        return (first, items)
    }

    private static func origin(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return "" }
        return "\(components.scheme ?? "")://\(components.host ?? ""):\(components.port ?? -1)"
    }
}
