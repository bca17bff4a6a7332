import CaseModel
import Foundation
import JSONShape
import Reporting

/// Writes a minimal sequence as a case file in the case language (cases/README.md): every step
/// with the status the model expects, the failing step with the assertions that show the
/// disagreement, captures for created ids and a teardown that deletes them.
public struct CaseWriter {
    public var target: ExploreTarget
    public var seed: UInt64
    public var budget: Int

    public init(target: ExploreTarget, seed: UInt64, budget: Int) {
        self.target = target
        self.seed = seed
        self.budget = budget
    }

    /// File name for a finding: `explore-<seed>-<n>-<kind>.yaml`.
    public func fileName(_ finding: Exploration.Finding, number: Int) -> String {
        "explore-\(seed)-\(number)-\(slug(finding.disagreement.kind.rawValue + " " + finding.disagreement.step.action.kindName)).yaml"
    }

    public func render(_ finding: Exploration.Finding, number: Int) -> String {
        let disagreement = finding.disagreement
        let sequence = finding.minimal
        var lines: [String] = [
            "# Found by `graph-conformance explore --seed \(seed) --budget \(budget)` against target '\(target.name)'",
            "# (sequence \(sequence.index), shrunk from \(finding.original.stepCount) to \(sequence.stepCount) steps). Expected values",
            "# come from explore's model of the reference (§5, §6, §9) and the target's policies: review them, then",
            "# move this file into the catalogue (cases/README.md, \"Cases found by explore\").",
            "suite: explore-\(seed)-\(number)",
            "doc: \(quoted("reference §5, §6, §9 (found by graph-conformance explore)"))",
            "tags: [explore-found]",
            "cases:",
            "  - name: \(quoted(disagreement.summary))",
            "    note: \(quoted(noteText(finding)))",
        ]
        // Each user whose collection the case addresses calls once first, as explore's run did: a
        // target that learns its users from their first call (the embedded mock) then knows them.
        var introduced: [String] = []
        for step in sequence.ops.flatMap(\.steps) where !introduced.contains(step.owner) && target.principal(step.owner)?.user != nil {
            introduced.append(step.owner)
        }
        if !introduced.isEmpty {
            lines.append("    setup:")
            for owner in introduced {
                lines.append("      - {as: \(owner), method: GET, path: /me/profile/positions, expect: {status: 200}}")
            }
        }
        lines.append("    steps:")
        var model = ReferenceModel(target: target)
        var created: [(handle: String, owner: String)] = []
        var snapshots: [Int: String] = [:]
        for case .later(let op) in disagreement.checks { snapshots[op] = "s\(op + 1)" }
        for (index, op) in sequence.ops.enumerated() {
            if case .concurrent = op { lines.append("      # the next \(op.steps.count) steps ran concurrently in explore (from different connections)") }
            for step in op.steps {
                let expected = model.expected(step)
                lines += stepLines(step, index: index, expected: expected, failing: index == disagreement.opIndex ? disagreement : nil,
                                   failingChecks: disagreement.checks, snapshot: snapshots[index], model: model)
                if case .create(let handle, _) = step.action {
                    model.positions[handle] = ReferenceModel.Position(ownerUserID: model.ownerUserID(step) ?? "", id: handle, candidates: [])
                    created.append((handle, step.owner))
                }
                if case .delete(let handle) = step.action, case .deleted = expected { model.positions[handle]?.exists = false }
            }
        }
        if !created.isEmpty {
            lines.append("    teardown:")
            for item in created {
                lines += [
                    "      - as: \(item.owner)",
                    "        method: DELETE",
                    "        path: /users/${user.\(item.owner).id}/profile/positions/${\(item.handle) | urlencode}",
                    "        expect: {status: [204, 404]}",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func stepLines(_ step: ExploreStep, index: Int, expected: ReferenceModel.Expected, failing: Disagreement?,
                           failingChecks: [CaseCheck], snapshot: String?, model: ReferenceModel) -> [String] {
        var lines = ["      - name: \(quoted("op \(index + 1): \(step.action.kindName)\(step.handle.map { " " + $0 } ?? "")"))",
                     "        as: \(step.principal)",
                     "        method: \(step.method)",
                     "        path: \(path(step))"]
        switch step.action {
        case .create(_, let body): lines.append("        json: \(YAMLFlow.render(body))")
        case .patch(_, .json(let body, _)): lines.append("        json: \(YAMLFlow.render(body))")
        case .patch(_, .raw(let text, let contentType)):
            lines.append("        raw: \(YAMLFlow.render(.string(text)))")
            lines.append("        headers: {Content-Type: \(contentType.map { YAMLFlow.render(.string($0)) } ?? "null")}")
        default: break
        }
        if case .list = step.action { lines.append("        pages: all") }
        if let failing, case .later(let op) = failing.checks.first {
            lines.append("        wait: {precisionOf: \"${s\(op + 1).lastModifiedDateTime}\"}")
        }
        lines.append("        expect:")
        lines.append("          status: \(status(expected))")
        if let failing { lines += checkLines(failing.checks) }
        if case .create(let handle, _) = step.action {
            let needsCreated = failingChecks.contains { if case .at(_, let value) = $0 { value.contains("${\(handle)Created}") } else { false } }
            lines.append("        capture: {\(handle): /id\(needsCreated ? ", \(handle)Created: /createdDateTime" : "")}")
        }
        if let snapshot { lines.append("        snapshot: \(snapshot)") }
        return lines
    }

    private func checkLines(_ checks: [CaseCheck]) -> [String] {
        var at: [String] = [], nulls: [String] = [], contains: [String] = [], notContains: [String] = []
        var lines: [String] = []
        for check in checks {
            switch check {
            case .at(let pointer, let value): at.append("\(quoted(pointer)): \(YAMLFlow.render((try? JSONParser.parse(value).value) ?? .string(value)))")
            case .isNull(let pointer): nulls.append(quoted(pointer))
            case .shape(let name): lines.append("          shape: \(name)")
            case .errorShape: lines.append("          errorShape: graph.error")
            case .contains(let handle): contains.append("{id: \"${\(handle)}\"}")
            case .notContains(let handle): notContains.append("{id: \"${\(handle)}\"}")
            case .listEntry(let handle, let members):
                var item: [(key: String, value: JSONValue)] = [("id", .string("${\(handle)}"))]
                if case .object(let object)? = try? JSONParser.parse(members).value { item += object.map { ($0.key, $0.value) } }
                contains.append(YAMLFlow.render(.object(JSONObject(item))))
            case .later(let op): lines.append("          later: {/lastModifiedDateTime: \"${s\(op + 1).lastModifiedDateTime}\"}")
            case .jsonContentType: lines.append("          headers: {Content-Type: {matches: \"^application/json\"}}")
            }
        }
        if !at.isEmpty { lines.append("          at: {\(at.joined(separator: ", "))}") }
        if !nulls.isEmpty { lines.append("          \"null\": [\(nulls.joined(separator: ", "))]") }
        if let first = contains.first { lines.append("          contains: {/value: \(first)}") }
        if let first = notContains.first { lines.append("          notContains: {/value: \(first)}") }
        return lines
    }

    private func status(_ expected: ReferenceModel.Expected) -> String {
        let policies = target.policies
        switch expected {
        case .created: return "201"
        case .updated: return "\"${policy.patchSuccessStatuses}\""
        case .updatedOrRejected: return "[\((policies.patchSuccessStatuses.sorted().map(String.init) + ["\"4xx\""]).joined(separator: ", "))]"
        case .read, .listed: return "200"
        case .deleted: return "204"
        case .notFound: return "404"
        case .rejected: return "\"4xx\""
        case .denied(let statuses):
            if statuses == policies.scopeDenialStatuses { return "\"${policy.scopeDenialStatuses}\"" }
            if statuses == policies.appOnlyDenialStatuses { return "\"${policy.appOnlyDenialStatuses}\"" }
            return "[\(statuses.sorted().map(String.init).joined(separator: ", "))]"
        }
    }

    private func path(_ step: ExploreStep) -> String {
        var path: String
        switch step.address {
        case .me: path = "/me"
        case .userID: path = "/users/${user.\(step.owner).id}"
        case .userPrincipalName: path = "/users/${user.\(step.owner).upn | urlencode}"
        }
        path += "/profile/positions"
        if let handle = step.handle, !isCreate(step) { path += "/${\(handle) | urlencode}" }
        return path
    }

    private func isCreate(_ step: ExploreStep) -> Bool {
        if case .create = step.action { return true }
        return false
    }

    private func noteText(_ finding: Exploration.Finding) -> String {
        let lines = finding.disagreement.mismatches.prefix(5).map { "\($0.pointer ?? "status"): model \($0.expected), target \($0.actual)" }
        return "explore disagreement (\(finding.disagreement.kind.rawValue)) at op \(finding.disagreement.opIndex + 1): " + lines.joined(separator: "; ")
    }

    private func quoted(_ text: String) -> String { YAMLFlow.render(.string(String(text.prefix(280)))) }

    private func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { result.append(character) } else if result.last != "-" { result.append("-") }
        }
        return String(result.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(40))
    }
}
