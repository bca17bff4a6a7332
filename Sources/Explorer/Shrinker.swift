import JSONShape

/// Re-runs a disagreeing sequence with fewer steps, smaller bodies and simpler values, keeping each
/// change that still shows the same disagreement (same signature), until nothing smaller does.
struct Shrinker {
    let runner: SequenceRunner
    let lanes: [ExploreClient]
    let maxRuns: Int
    var contract: ContractModel { runner.contract }

    func shrink(_ sequence: ExploreSequence, disagreement: Disagreement) -> (ExploreSequence, Disagreement, Int) {
        var runs = 0
        let signature = disagreement.signature
        var best = sequence
        var found = disagreement
        best.ops = Array(best.ops.prefix(disagreement.opIndex + 1))

        func reproduces(_ candidate: ExploreSequence) -> Disagreement? {
            guard candidate.isWellFormed, runs < maxRuns else { return nil }
            // A race may need a few tries to show again; a serial sequence is deterministic.
            let attempts = candidate.ops.contains { if case .concurrent = $0 { true } else { false } } ? 4 : 1
            for _ in 0..<attempts where runs < maxRuns {
                runs += 1
                if let again = runner.run(candidate, lanes: lanes).disagreement, again.signature == signature { return again }
            }
            return nil
        }

        var improved = true
        while improved, runs < maxRuns {
            improved = false
            for candidate in candidates(best) {
                guard let again = reproduces(candidate) else { continue }
                best = candidate
                best.ops = Array(best.ops.prefix(again.opIndex + 1))
                found = again
                improved = true
                break
            }
        }
        return (best, found, runs)
    }

    /// Smaller variants, most aggressive first: drop chunks of ops, split concurrent groups, address
    /// by /me, then simplify each body.
    func candidates(_ sequence: ExploreSequence) -> [ExploreSequence] {
        var result: [ExploreSequence] = []
        // Serial first: a sequence without races reproduces on the first try, so the rest is cheap.
        for (index, op) in sequence.ops.enumerated() {
            if case .concurrent(let steps) = op {
                var candidate = sequence
                candidate.ops.replaceSubrange(index...index, with: steps.map(ExploreOp.single))
                result.append(candidate)
            }
        }
        let count = sequence.ops.count
        var chunk = max(1, count / 2)
        while chunk >= 1 {
            var start = 0
            while start < count - 1 {
                var candidate = sequence
                candidate.ops.removeSubrange(start..<min(count - 1, start + chunk))
                if candidate.ops.count < count { result.append(candidate) }
                start += chunk
            }
            chunk /= 2
        }
        for (index, op) in sequence.ops.enumerated() {
            guard case .single(let step) = op else { continue }
            if step.address != .me, step.principal == step.owner {
                var simpler = step
                simpler.address = .me
                var candidate = sequence
                candidate.ops[index] = .single(simpler)
                result.append(candidate)
            }
            for body in simplerBodies(step.action) {
                var simpler = step
                simpler.action = body
                var candidate = sequence
                candidate.ops[index] = .single(simpler)
                result.append(candidate)
            }
        }
        return result
    }

    private func simplerBodies(_ action: ExploreStep.Action) -> [ExploreStep.Action] {
        switch action {
        case .create(let handle, let body):
            return ([.object(JSONObject())] + simpler(body)).filter { $0 != body && keeps($0, kind: .valid) }.map { .create(handle: handle, body: $0) }
        case .patch(let handle, .json(let body, let kind)):
            return simpler(body).filter { keeps($0, kind: kind) }.map { .patch(handle: handle, body: .json($0, kind: kind)) }
        default:
            return []
        }
    }

    /// Whether a simplified body is still what the generator meant: valid bodies stay valid for
    /// the CSDL shape, invalid ones keep a breach of it, the others keep their extra member.
    func keeps(_ body: JSONValue, kind: PatchBody.BodyKind) -> Bool {
        let breaches = contract.shapes.validate(body, against: ContractModel.entityType)
            .filter { $0.severity == .error && $0.actual != "absent" }
        switch kind {
        case .valid: return breaches.isEmpty
        case .invalid: return !breaches.isEmpty
        case .unknownMember: return breaches.isEmpty && body.rendered().contains("\"undeclaredMember\"")
        case .readOnly:
            let object = body.objectValue ?? JSONObject()
            return breaches.allSatisfy { ContractModel.readOnly.contains($0.pointer.tokens.first ?? "") } && ContractModel.readOnly.contains { object[$0] != nil }
        }
    }

    /// Each member removed, each array emptied or cut to its first element, each `Edm.String`
    /// shortened (enum members and dates keep their value: shortening would make them invalid).
    func simpler(_ value: JSONValue, at pointer: JSONPointer = .root, root: JSONValue? = nil) -> [JSONValue] {
        let whole = root ?? value
        var result: [JSONValue] = []
        func replaced(_ new: JSONValue?) {
            var copy = whole
            if copy.set(new, at: pointer) { result.append(copy) }
        }
        switch value {
        case .object(let object):
            for (name, member) in object {
                if !pointer.isRoot || object.count > 1 {
                    var copy = whole
                    if copy.set(nil, at: pointer.appending(name)) { result.append(copy) }
                }
                result += simpler(member, at: pointer.appending(name), root: whole)
            }
        case .array(let items):
            if !items.isEmpty { replaced(.array([])) }
            if items.count > 1 { replaced(.array([items[0]])) }
            for (index, item) in items.enumerated() { result += simpler(item, at: pointer.appending(index), root: whole) }
        case .string(let text) where text.count > 1 && contract.typeName(at: pointer) == "Edm.String":
            let characters = Array(text)
            replaced(.string(String(characters.prefix(characters.count / 2))))
            replaced(.string(String(characters.suffix(characters.count - characters.count / 2))))
            if characters.count > 2 { replaced(.string(String(characters.prefix(1)))) }
        default:
            break
        }
        return result
    }
}
