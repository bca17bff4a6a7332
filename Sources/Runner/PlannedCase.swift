import CaseModel
import JSONShape

/// One test case as it will appear in the report: a case definition with one matrix combination.
public struct PlannedCase: Sendable {
    public var file: CaseFile
    public var definition: CaseDefinition
    public var matrixValues: [(name: String, value: JSONValue)]

    /// `NAME [audience=organization, kind=a]` for matrix expansions, the plain name otherwise.
    public var displayName: String {
        guard !matrixValues.isEmpty else { return definition.name }
        let parts = matrixValues.map { "\($0.name)=\($0.value.stringValue ?? $0.value.rendered())" }
        return "\(definition.name) [\(parts.joined(separator: ", "))]"
    }

    public var tags: [String] { file.tags + definition.tags }

    /// True when some step pauses on purpose, so the run can start this case early.
    var hasWait: Bool {
        (file.setup + definition.setup + definition.steps).contains { $0.wait != nil }
    }

    /// The principal a step runs as: its own `as`, else the case's, the file's, or the default.
    public func principal(of step: Step) -> String {
        step.principal ?? definition.principal ?? file.principal ?? LintContext.defaultPrincipal
    }

    /// Every principal a run of this case needs.
    public var principals: Set<String> {
        let base = definition.principal ?? file.principal ?? LintContext.defaultPrincipal
        let steps = file.setup + definition.setup + definition.steps + definition.teardown + file.teardown
        var names: Set<String> = [base]
        for step in steps {
            switch step.auth {
            case .none, .header: continue  // sends no principal's token
            case .principal, .scheme, .brokenToken, .brokenTokenNamed: names.insert(principal(of: step))
            }
        }
        return names
    }

    /// Expands every case of every file, in file order then case order then matrix order.
    public static func plan(_ files: [CaseFile], enumMembers: (String) -> [String]?) -> [PlannedCase] {
        var planned: [PlannedCase] = []
        for file in files {
            for definition in file.cases {
                var combinations: [[(name: String, value: JSONValue)]] = [[]]
                for axis in definition.matrix {
                    let values: [JSONValue]
                    switch axis.source {
                    case .values(let list): values = list
                    case .enumMembers(let name): values = (enumMembers(name) ?? []).map { .string($0) }
                    }
                    combinations = combinations.flatMap { prefix in values.map { prefix + [(axis.name, $0)] } }
                }
                for combination in combinations {
                    planned.append(PlannedCase(file: file, definition: definition, matrixValues: combination))
                }
            }
        }
        return planned
    }
}
