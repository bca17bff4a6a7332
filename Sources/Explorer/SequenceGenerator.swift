import Identifiers
import CaseModel
import JSONShape

/// Generates sequences of create / PATCH / GET / list / DELETE from the contract and the target's
/// principals. Generation never looks at responses, so a seed names the same sequences on every
/// target; the model decides what each step should do.
struct SequenceGenerator {
    var target: ExploreTarget
    var bodies: PatchBodyGenerator
    /// Whether groups of concurrent PATCHes are generated (`--jobs` > 1).
    var concurrency: Bool

    init(target: ExploreTarget, contract: ContractModel, concurrency: Bool) {
        self.target = target
        bodies = PatchBodyGenerator(
            contract: contract, domain: ValueDomain(contract: contract, flagsCombinations: target.policies.flagsCombinations),
            policies: target.policies)
        self.concurrency = concurrency
    }

    func sequence(index: Int, seed: UInt64) -> ExploreSequence {
        var random = SeededRandom(seed: seed, stream: index)
        var state = Plan(writers: target.ownWriters)
        let length = Int.random(in: 8...40, using: &random)
        var ops: [ExploreOp] = []
        while ops.reduce(0, { $0 + $1.steps.count }) < length, !state.writers.isEmpty {
            ops += nextOps(&state, random: &random)
        }
        return ExploreSequence(index: index, ops: ops)
    }

    /// What the generator believes exists; creates by writers are assumed to succeed.
    private struct Plan {
        var writers: [ExploreTarget.Principal]
        var owners: [String: String] = [:]  // handle -> owner principal
        var live: [String] = []
        var deleted: [String] = []
        var nextHandle = 1
    }

    private func nextOps(_ plan: inout Plan, random: inout SeededRandom) -> [ExploreOp] {
        if plan.live.isEmpty || random.chance(8) { return [.single(create(&plan, random: &random))] }
        let roll = Int.random(in: 0..<100, using: &random)
        let handle = !plan.deleted.isEmpty && random.chance(8) ? random.pick(plan.deleted) : random.pick(plan.live)
        let owner = plan.owners[handle]!
        switch roll {
        case 0..<10 where concurrency:
            return concurrentPatches(handle: random.pick(plan.live), plan: plan, random: &random)
        case 0..<50:
            var ops: [ExploreOp] = [.single(step(.patch(handle: handle, body: bodies.body(random: &random)), owner: owner, plan: plan, random: &random))]
            if random.chance(50) { ops.append(.single(readBack(handle, owner: owner))) }
            return ops
        case 50..<75:
            return [.single(step(.get(handle: handle), owner: owner, plan: plan, random: &random))]
        case 75..<88:
            let owner = random.pick(plan.writers).name
            return [.single(ExploreStep(principal: owner, owner: owner, address: random.pick([.me, .userID, .userPrincipalName]), action: .list))]
        default:
            let op = step(.delete(handle: handle), owner: owner, plan: plan, random: &random)
            if allowedWrite(op), plan.live.contains(handle), isOwnCollection(op, handle: handle, plan: plan) {
                plan.live.removeAll { $0 == handle }
                plan.deleted.append(handle)
            }
            return [.single(op), .single(readBack(handle, owner: owner))]
        }
    }

    private func create(_ plan: inout Plan, random: inout SeededRandom) -> ExploreStep {
        let handle = "p\(plan.nextHandle)"
        plan.nextHandle += 1
        let creator = random.pick(plan.writers)
        // A tenant-wide writer sometimes creates in another writer's collection.
        let owner = creator.scopes.isDisjoint(with: Access.otherWrite) ? creator : random.pick(plan.writers)
        plan.owners[handle] = owner.name
        plan.live.append(handle)
        let address: ExploreStep.Address = owner.name == creator.name && random.chance(50) ? .me : random.pick([.userID, .userPrincipalName])
        return ExploreStep(principal: creator.name, owner: owner.name, address: address,
                           action: .create(handle: handle, body: .object(bodies.validBody(random: &random))))
    }

    /// The owner mostly; sometimes someone the docs deny (read scope, another user, an app), or the
    /// right caller on another user's collection (reference §9.1: 404).
    private func step(_ action: ExploreStep.Action, owner: String, plan: Plan, random: inout SeededRandom) -> ExploreStep {
        let roll = Int.random(in: 0..<100, using: &random)
        let ownerUser = target.principal(owner)?.user
        if roll < 8 {
            let write = !isRead(action)
            let candidates = target.principals.filter { Access.verdict($0, ownerUser: ownerUser, write: write) == .denied }
            if let caller = candidates.isEmpty ? nil : random.pick(candidates) {
                let address: ExploreStep.Address = caller.user?.id == ownerUser?.id ? random.pick([.me, .userID]) : random.pick([.userID, .userPrincipalName])
                return ExploreStep(principal: caller.name, owner: owner, address: address, action: action)
            }
        } else if roll < 13 {
            let others = plan.writers.filter { $0.user?.id != ownerUser?.id }
            if let other = others.isEmpty ? nil : random.pick(others) {
                return ExploreStep(principal: other.name, owner: other.name, address: random.pick([.me, .userID]), action: action)
            }
        }
        return ExploreStep(principal: owner, owner: owner, address: random.pick([.me, .userID, .userPrincipalName]), action: action)
    }

    /// Two PATCHes of disjoint members of one position, sent at once from two connections, then a read.
    private func concurrentPatches(handle: String, plan: Plan, random: inout SeededRandom) -> [ExploreOp] {
        let owner = plan.owners[handle]!
        let properties = bodies.contract.settableProperties.shuffled(using: &random)
        let split = Int.random(in: 1..<properties.count, using: &random)
        func part(_ slice: ArraySlice<ContractProperty>) -> JSONObject {
            var body = JSONObject()
            for property in slice.prefix(2) { body[property.name] = bodies.domain.value(property, random: &random, depth: 0) }
            return body
        }
        let first = part(properties[..<split]), second = part(properties[split...])
        let patches = [first, second].map { body in
            ExploreStep(principal: owner, owner: owner, address: random.pick([.me, .userID]), action: .patch(handle: handle, body: .json(.object(body), kind: .valid)))
        }
        return [.concurrent(patches), .single(readBack(handle, owner: owner))]
    }

    private func readBack(_ handle: String, owner: String) -> ExploreStep {
        ExploreStep(principal: owner, owner: owner, address: .me, action: .get(handle: handle))
    }

    private func isRead(_ action: ExploreStep.Action) -> Bool {
        switch action {
        case .get, .list: true
        default: false
        }
    }

    private func allowedWrite(_ step: ExploreStep) -> Bool {
        guard let caller = target.principal(step.principal) else { return false }
        return Access.verdict(caller, ownerUser: target.principal(step.owner)?.user, write: true) == .allowed
    }

    private func isOwnCollection(_ step: ExploreStep, handle: String, plan: Plan) -> Bool {
        target.principal(step.owner)?.user?.id == target.principal(plan.owners[handle] ?? "")?.user?.id
    }
}
