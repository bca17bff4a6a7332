import CaseModel
import CurlClient
import Foundation
import Identifiers
import JSONShape

/// Removes positions that earlier, interrupted runs left behind on a live target — and only
/// those: every position the suite creates carries `graph-conformance <run id>` in
/// `detail.description`, and nothing without that marker is touched.
public struct Cleanup {
    public struct Removal: Sendable {
        public var principal: String
        public var positionID: String
        public var marker: String
        public var deleted: Bool
        public var problem: String?
    }


    public var target: TargetFile
    public var tokens: [String: String]
    public var baseURL: String
    /// The run's transport settings (`--timeout`, `--cacert`, `--insecure`, …), so cleanup talks to
    /// the target exactly as a run does.
    public var transfer: TransferOptions
    /// Only this run's leftovers, when given.
    public var runID: String?
    public var dryRun = false

    public init(target: TargetFile, tokens: [String: String], baseURL: String, transfer: TransferOptions) {
        self.target = target
        self.tokens = tokens
        self.baseURL = baseURL
        self.transfer = transfer
    }

    /// A page whose `@odata.nextLink` leaves the target's origin: cleanup stops there rather than
    /// send the token elsewhere.
    public struct ForeignLink: Error, CustomStringConvertible {
        public var url: String
        public var description: String { "@odata.nextLink \(url) leaves the target's origin; not followed (the token stays with the target)" }
    }

    /// The run id a description marks, if it is one of ours.
    static func runID(in description: String) -> String? {
        // `graph-conformance gc-<unix seconds>-<8 hex>`, as PreparedRun.newRunID writes run ids.
        description.firstMatch(of: #/graph-conformance (gc-\d+-[0-9a-f]{8})/#).map { String($0.1) }
    }

    /// One delegated principal per user, preferring one that may write its own profile.
    func principalsByUser() -> [(user: String, principal: String)] {
        var chosen: [String: String] = [:]
        for (name, principal) in target.principals.sorted(by: { $0.key < $1.key }) {
            guard let user = principal.user, tokens[name] != nil else { continue }
            let canWrite = (principal.scopes ?? "").split(separator: " ").contains { $0.hasPrefix("User.ReadWrite") }
            if chosen[user] == nil || canWrite { chosen[user] = canWrite ? name : (chosen[user] ?? name) }
        }
        return chosen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// What a cleanup found and did, and where it had to stop.
    public struct Outcome: Sendable {
        public var removals: [Removal] = []
        /// Pages not followed (their link left the target), one line each.
        public var problems: [String] = []
    }

    public func run() throws -> Outcome {
        guard let origin = TokenOrigin(baseURL: baseURL) else { throw ForeignLink(url: baseURL) }
        let session = try CurlSession()
        var outcome = Outcome()
        var removals: [Removal] = []
        for (_, principal) in principalsByUser() {
            guard let token = tokens[principal] else { continue }
            var next: String? = baseURL + "/me/profile/positions"
            var pages = 0
            while let url = next, pages < 50 {
                guard origin.allows(url) else {
                    outcome.problems.append("as \(principal): " + ForeignLink(url: url).description)
                    break
                }
                pages += 1
                let response = try session.perform(request("GET", url, token: token), options: transfer)
                guard response.status == 200, let page = try? JSONParser.parse(response.body).value else { break }
                for item in page["value"]?.arrayValue ?? [] {
                    guard let id = item["id"]?.stringValue,
                        let description = item["detail"]?["description"]?.stringValue,
                        let marked = Self.runID(in: description), runID == nil || runID == marked
                    else { continue }
                    var removal = Removal(principal: principal, positionID: id, marker: marked, deleted: false)
                    if !dryRun {
                        let path = PercentEncoding.component(id)
                        let answer = try session.perform(request("DELETE", baseURL + "/me/profile/positions/" + path, token: token), options: transfer)
                        removal.deleted = answer.status == 204 || answer.status == 404
                        if !removal.deleted { removal.problem = "DELETE answered \(answer.status)" }
                    }
                    removals.append(removal)
                }
                next = page["@odata.nextLink"]?.stringValue
            }
        }
        outcome.removals = removals
        return outcome
    }

    private func request(_ method: String, _ url: String, token: String) -> HTTPRequest {
        HTTPRequest(method: method, url: url, headers: [
            HTTPHeader(name: "Authorization", value: "Bearer \(token)"),
            HTTPHeader(name: "Accept", value: "application/json"),
            HTTPHeader(name: "client-request-id", value: RandomUUID.string()),
        ])
    }
}
