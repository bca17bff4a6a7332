import CaseModel
import Foundation
import JSONShape

/// The documented semantics as an executable model (reference §1, §2, §5, §6, §9): what each step
/// must answer and what each position must hold afterwards. Where the docs leave room the model
/// keeps every documented possibility: several candidate states (policy `complexPatch: either`,
/// concurrent steps in either order), several statuses (the target's policies).
struct ReferenceModel {
    struct Position {
        var ownerUserID: String
        var id: String
        var exists = true
        /// Normalized settable members; more than one when the docs allow several outcomes.
        var candidates: [JSONValue]
        /// The first candidate before normalization: where it holds null or nothing, a conforming
        /// target renders null (not an object of nulls), which is what a written case may assert.
        var raw: JSONValue = .object(JSONObject())
        var createdDateTime: String?
        /// The last `lastModifiedDateTime` seen, when it was received, and by which op.
        var stamp: (value: DateTimeOffsetValue, seenAt: Date, op: Int)?
        /// When the first successful write after that stamp was sent.
        var writtenSince: Date?
    }

    /// What a step must answer.
    enum Expected {
        case created, updated(PatchBody.BodyKind), read, listed, deleted, notFound, rejected
        case denied(Set<Int>)
        /// Ignored-or-rejected (reference §8.4, policy `unknownProperty`): success with the body's
        /// settable part applied, or a 4xx that changes nothing.
        case updatedOrRejected(PatchBody.BodyKind)

        var statusText: String {
            switch self {
            case .created: "201"
            case .updated, .updatedOrRejected: "a PATCH success status"
            case .read, .listed: "200"
            case .deleted: "204"
            case .notFound: "404"
            case .rejected: "4xx"
            case .denied(let statuses): statuses.sorted().map(String.init).joined(separator: " or ")
            }
        }
    }

    let target: ExploreTarget
    var positions: [String: Position] = [:]

    init(target: ExploreTarget) { self.target = target }

    func ownerUserID(_ step: ExploreStep) -> String? { target.principal(step.owner)?.user?.id.lowercased() }

    func expected(_ step: ExploreStep) -> Expected {
        guard let caller = target.principal(step.principal) else { return .rejected }
        let policies = target.policies
        if caller.isApplication { return .denied(policies.appOnlyDenialStatuses) }
        let ownerUser = target.principal(step.owner)?.user
        let write = step.method != "GET"
        let verdict = Access.verdict(caller, ownerUser: ownerUser, write: write)
        var inCollection = true
        if let handle = step.handle, !isCreate(step) {
            let position = positions[handle]
            inCollection = position?.exists == true && position?.ownerUserID == ownerUserID(step)
        }
        if verdict != .allowed {
            // Whether the permission check or the lookup comes first is not documented: both answers count.
            return .denied(inCollection ? policies.scopeDenialStatuses : policies.scopeDenialStatuses.union([404]))
        }
        switch step.action {
        case .create: return .created
        case .list: return .listed
        case .get: return inCollection ? .read : .notFound
        case .delete: return inCollection ? .deleted : .notFound
        case .patch(_, let body):
            guard inCollection else { return .notFound }
            switch body {
            case .raw: return .rejected
            case .json(_, .invalid): return .rejected
            case .json(_, .valid): return .updated(.valid)
            case .json(_, .readOnly): return .updatedOrRejected(.readOnly)
            case .json(_, .unknownMember):
                return policies.unknownPropertyMayBeIgnored ? .updatedOrRejected(.unknownMember) : .rejected
            }
        }
    }

    static func accepts(_ status: Int, _ expected: Expected, policies: ExplorePolicies) -> Bool {
        switch expected {
        case .created: status == 201
        case .updated: policies.patchSuccessStatuses.contains(status)
        case .updatedOrRejected: policies.patchSuccessStatuses.contains(status) || (400..<500).contains(status)
        case .read, .listed: status == 200
        case .deleted: status == 204
        case .notFound: status == 404
        case .rejected: (400..<500).contains(status) && status != 401 && status != 403
        case .denied(let statuses): statuses.contains(status)
        }
    }

    private func isCreate(_ step: ExploreStep) -> Bool {
        if case .create = step.action { return true }
        return false
    }

    static func rawApplying(_ body: JSONValue, to raw: JSONValue, policy: ExplorePolicies.ComplexPatch) -> JSONValue {
        guard case .object(let object) = body else { return raw }
        return PatchSemantics.apply(object, to: raw, nested: policy == .replace ? .replace : .merge)
    }

    /// Candidate states after `body` is applied to each candidate (deduplicated, at most 16).
    static func applying(_ body: JSONValue, to candidates: [JSONValue], policy: ExplorePolicies.ComplexPatch, normalizer: Normalizer) -> [JSONValue] {
        guard case .object(let object) = body else { return candidates }
        var result: [JSONValue] = []
        for candidate in candidates {
            for mode in PatchSemantics.modes(policy) {
                let next = normalizer.entity(PatchSemantics.apply(object, to: candidate, nested: mode))
                if !result.contains(next) { result.append(next) }
            }
        }
        return Array(result.prefix(16))
    }
}
