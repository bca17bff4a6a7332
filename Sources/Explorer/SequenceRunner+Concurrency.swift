import CaseModel
import CurlClient
import Foundation
import JSONShape

/// Steps sent at once from different connections: the model accepts the outcome of any serial
/// order of them, and nothing else (no lost or torn update).
extension SequenceRunner {
    func performConcurrently(_ steps: [ExploreStep], opIndex: Int, model: inout ReferenceModel, lanes: [ExploreClient]) throws(TransportError) -> Disagreement? {
        let answers = AnswerSlots(count: steps.count)
        let group = DispatchGroup()
        for (index, step) in steps.enumerated() {
            let (bytes, contentType) = requestBody(step)
            let lane = lanes[index % lanes.count]
            let request = UncheckedBox((lane, step, lane.url(step, id: step.handle.flatMap { model.positions[$0]?.id }), bytes, contentType))
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                let (lane, step, url, bytes, contentType) = request.value
                answers.set(index, Result { () throws(TransportError) in
                    try lane.send(step.method, url: url, principal: step.principal, body: bytes, contentType: contentType)
                })
            }
            thread.start()
        }
        group.wait()
        var bodies: [JSONObject] = []
        for (index, step) in steps.enumerated() {
            let answer = try answers.get(index).get()
            let expected = model.expected(step)
            if let problem = checkStatusAndShape(answer, expected: expected, step: step, opIndex: opIndex, shape: ContractModel.entityType) { return problem }
            if case .patch(_, .json(.object(let body), _)) = step.action { bodies.append(body) }
        }
        guard let handle = steps.first?.handle, var position = model.positions[handle], bodies.count == steps.count else { return nil }
        var finals: [JSONValue] = []
        for order in Self.orders(bodies.count) {
            var states = position.candidates
            for index in order { states = ReferenceModel.applying(.object(bodies[index]), to: states, policy: target.policies.complexPatch, normalizer: normalizer) }
            for state in states where !finals.contains(state) { finals.append(state) }
        }
        position.candidates = finals
        for body in bodies { position.raw = ReferenceModel.rawApplying(.object(body), to: position.raw, policy: target.policies.complexPatch) }
        position.writtenSince = position.writtenSince ?? answers.earliestSend()
        model.positions[handle] = position
        return nil
    }

    /// Every permutation of 0..<count (groups are small: two or three steps).
    static func orders(_ count: Int) -> [[Int]] {
        guard count > 1 else { return [Array(0..<count)] }
        var result: [[Int]] = []
        for first in 0..<count {
            for rest in orders(count - 1) { result.append([first] + rest.map { $0 >= first ? $0 + 1 : $0 }) }
        }
        return result
    }
}

/// Results written by concurrent workers, read after they all finished.
final class AnswerSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<ExploreClient.Answer, TransportError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<ExploreClient.Answer, TransportError>) { lock.withLock { slots[index] = result } }

    func get(_ index: Int) -> Result<ExploreClient.Answer, TransportError> {
        lock.withLock { slots[index] ?? .failure(TransportError(kind: .other, curlCode: 0, message: "no answer")) }
    }

    func earliestSend() -> Date? {
        lock.withLock { slots.compactMap { try? $0?.get().sentAt }.min() }
    }
}

/// Hands one request to the thread that sends it. Safe because each thread uses its own lane (its
/// own curl handle), the caller waits for all of them, and each writes only its own slot, under a lock.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
