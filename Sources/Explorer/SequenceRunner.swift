import CaseModel
import CurlClient
import Foundation
import JSONShape
import Reporting

/// Runs one sequence against the target, step by step, and compares every answer with the
/// reference model and the CSDL shape; stops at the first disagreement.
struct SequenceRunner {
    let contract: ContractModel
    let target: ExploreTarget
    var normalizer: Normalizer { Normalizer(contract: contract) }

    struct Outcome {
        var steps = 0
        var disagreement: Disagreement?
    }

    func run(_ sequence: ExploreSequence, lanes: [ExploreClient]) -> Outcome {
        var model = ReferenceModel(target: target)
        var outcome = Outcome()
        for (index, op) in sequence.ops.enumerated() {
            let result: Disagreement?
            do {
                switch op {
                case .single(let step):
                    result = try perform(step, opIndex: index, model: &model, client: lanes[0])
                case .concurrent(let steps):
                    result = try performConcurrently(steps, opIndex: index, model: &model, lanes: lanes)
                }
            } catch {
                outcome.disagreement = Disagreement(kind: .transport, opIndex: index, step: op.steps[0],
                                                    summary: "could not get an answer: \(error.message)", mismatches: [], checks: [])
                return outcome
            }
            outcome.steps += op.steps.count
            if let result {
                outcome.disagreement = result
                break
            }
        }
        cleanUp(model, client: lanes[0])
        return outcome
    }

    /// Deletes what the sequence left, so a long run does not grow the target's lists.
    private func cleanUp(_ model: ReferenceModel, client: ExploreClient) {
        for position in model.positions.values where position.exists {
            guard let owner = target.principals.first(where: { $0.user?.id.lowercased() == position.ownerUserID && !$0.scopes.isDisjoint(with: Access.ownWrite) }) else { continue }
            let step = ExploreStep(principal: owner.name, owner: owner.name, address: .me, action: .delete(handle: ""))
            _ = try? client.send("DELETE", url: client.url(step, id: position.id), principal: owner.name, body: nil, contentType: nil)
        }
    }

    // MARK: One step

    private func perform(_ step: ExploreStep, opIndex: Int, model: inout ReferenceModel, client: ExploreClient) throws(TransportError) -> Disagreement? {
        let expected = model.expected(step)
        let id = step.handle.flatMap { model.positions[$0]?.id }
        let url = client.url(step, id: isCreate(step) ? nil : id)
        if case .list = step.action {
            let (first, items) = try client.list(url, principal: step.principal)
            if let problem = checkStatusAndShape(first, expected: expected, step: step, opIndex: opIndex, shape: ContractModel.listShape) { return problem }
            return items.flatMap { checkList($0, step: step, opIndex: opIndex, model: model) }
        }
        let (bytes, contentType) = requestBody(step)
        let answer = try client.send(step.method, url: url, principal: step.principal, body: bytes, contentType: contentType)
        if let problem = checkStatusAndShape(answer, expected: expected, step: step, opIndex: opIndex, shape: ContractModel.entityType) { return problem }
        let succeeded = (200..<300).contains(answer.status)
        switch (step.action, expected) {
        case (.create(let handle, let body), _):
            return recordCreate(handle: handle, body: body, answer: answer, step: step, opIndex: opIndex, model: &model)
        case (.patch(let handle, .json(let body, _)), .updated), (.patch(let handle, .json(let body, _)), .updatedOrRejected):
            guard succeeded, var position = model.positions[handle] else { return nil }
            position.candidates = ReferenceModel.applying(body, to: position.candidates, policy: target.policies.complexPatch, normalizer: normalizer)
            position.raw = ReferenceModel.rawApplying(body, to: position.raw, policy: target.policies.complexPatch)
            position.writtenSince = position.writtenSince ?? answer.sentAt
            model.positions[handle] = position
            guard answer.status == 200, let returned = answer.body else { return nil }
            return compare(returned, handle: handle, kind: .response, step: step, opIndex: opIndex, answer: answer, model: &model)
        case (.get(let handle), .read):
            guard let returned = answer.body else { return nil }
            return compare(returned, handle: handle, kind: .readBack, step: step, opIndex: opIndex, answer: answer, model: &model)
        case (.delete(let handle), .deleted):
            model.positions[handle]?.exists = false
            return nil
        default:
            return nil
        }
    }

    private func isCreate(_ step: ExploreStep) -> Bool {
        if case .create = step.action { return true }
        return false
    }

    func requestBody(_ step: ExploreStep) -> ([UInt8]?, String?) {
        switch step.action {
        case .create(_, let body): (body.utf8Bytes, "application/json")
        case .patch(_, .json(let body, _)): (body.utf8Bytes, "application/json")
        case .patch(_, .raw(let text, let contentType)): (Array(text.utf8), contentType)
        default: (nil, nil)
        }
    }

    private func recordCreate(handle: String, body: JSONValue, answer: ExploreClient.Answer, step: ExploreStep, opIndex: Int, model: inout ReferenceModel) -> Disagreement? {
        guard let returned = answer.body, let id = returned["id"]?.stringValue, let owner = model.ownerUserID(step) else {
            return Disagreement(kind: .response, opIndex: opIndex, step: step, summary: "the created position has no id",
                                mismatches: [Mismatch(pointer: "/id", expected: "the new position's id", actual: "absent", location: nil)],
                                checks: [.shape(ContractModel.entityType)])
        }
        var position = ReferenceModel.Position(ownerUserID: owner, id: id, candidates: [normalizer.entity(body)], raw: body)
        position.createdDateTime = returned["createdDateTime"]?.stringValue
        if let stamp = returned["lastModifiedDateTime"]?.stringValue.flatMap(DateTimeOffsetValue.init) {
            position.stamp = (stamp, answer.receivedAt, opIndex)
        }
        model.positions[handle] = position
        let actual = normalizer.entity(returned)
        let differences = JSONDiff.differences(before: position.candidates[0], after: actual, ignoring: [])
        guard differences.isEmpty else { return bodyDisagreement(.response, differences, expected: position.candidates[0], raw: body, actual: actual, step: step, opIndex: opIndex) }
        return nil
    }
}
