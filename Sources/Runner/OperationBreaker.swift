import CaseModel
import Foundation
import Synchronization

/// Opens per operation (method + route template) after `threshold` timeouts of that operation with
/// no success in between, so a target that answers everything except, say, a successful PATCH costs
/// one round of timeouts instead of one per case.
///
/// Only a 2xx answer counts as success: a server that answers invalid PATCHes at once but never a
/// valid one has still gone silent on that operation. Once an operation has timed out, a worker
/// that wants to send it waits until the requests of it already in flight have come back (they
/// decide whether the breaker opens), instead of starting a fresh full-length wait beside them.
final class OperationBreaker: @unchecked Sendable {
    enum Admission { case send, open }

    private let condition = NSCondition()
    private var timeouts: [OperationKey: Int] = [:]
    private var inFlight: [OperationKey: Int] = [:]
    let threshold: Int
    /// Every request sent passes through here; after a cut of the adaptive limit, requests of cases
    /// already running wait until fewer than the limit are in flight (nil: no such wait).
    private let requests: ConcurrencyGate?

    init(threshold: Int, requests: ConcurrencyGate? = nil) {
        self.threshold = max(1, threshold)
        self.requests = requests
    }

    /// Whether to send now; waits (polling `giveUp` every 0.2 s) while the operation is suspect and
    /// earlier requests of it are still out. `always` (teardowns) sends whatever the state. Every
    /// `.send` must be matched by one `finished`.
    func admit(_ operation: OperationKey, always: Bool = false, giveUp: () -> Bool) -> Admission {
        let admission = decide(operation, always: always, giveUp: giveUp)
        if admission == .send { requests?.enterRequest() }
        return admission
    }

    private func decide(_ operation: OperationKey, always: Bool, giveUp: () -> Bool) -> Admission {
        condition.lock()
        defer { condition.unlock() }
        while !always {
            let failures = timeouts[operation, default: 0]
            if failures >= threshold { return .open }
            if failures == 0 || inFlight[operation, default: 0] == 0 || giveUp() { break }
            _ = condition.wait(until: Date().addingTimeInterval(0.2))
        }
        inFlight[operation, default: 0] += 1
        return .send
    }

    /// The request came back with `status`, or timed out (`status` nil and `timedOut`), or failed otherwise.
    func finished(_ operation: OperationKey, status: Int?, timedOut: Bool) {
        requests?.leaveRequest()
        condition.lock()
        defer { condition.unlock() }
        inFlight[operation, default: 1] -= 1
        if timedOut {
            timeouts[operation, default: 0] += 1
        } else if let status, (200...299).contains(status) {
            timeouts[operation] = 0
        }
        condition.broadcast()
    }

    func isOpen(_ operation: OperationKey) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return timeouts[operation, default: 0] >= threshold
    }
}

/// `PATCH /…/profile/positions/{id}`: a step's method and path template with the caller's prefix
/// (`/me` or `/users/{id}`) and every identifier reduced, so all the ways of reaching one endpoint
/// share one breaker.
struct OperationKey: Hashable, Sendable, CustomStringConvertible {
    let description: String

    /// The key of a step's method and path template, reduced once per distinct pair: a catalogue
    /// has a few dozen of them and sends each many times.
    static func of(method: String, pathTemplate: String) -> OperationKey {
        let pair = Pair(method: method, path: pathTemplate)
        if let known = reduced.withLock({ $0[pair] }) { return known }
        let key = OperationKey(method: method, pathTemplate: pathTemplate)
        reduced.withLock { $0[pair] = key }
        return key
    }

    private struct Pair: Hashable {
        let method: String
        let path: String
    }

    private static let reduced = Mutex<[Pair: OperationKey]>([:])

    init(method: String, pathTemplate: String) {
        let path = pathTemplate.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for index in segments.indices {
            let follows = index > 0 ? segments[index - 1] : ""
            if Template.mayHoldReference(segments[index]) || follows == "users" || follows == "positions" { segments[index] = "{id}" }
        }
        if segments.first == "me" {
            segments[0] = "…"
        } else if segments.count >= 2, segments[0] == "users" {
            segments.replaceSubrange(0...1, with: ["…"])
        }
        description = method.uppercased() + " /" + segments.joined(separator: "/")
    }
}
