import Explorer
import JSONShape
import Testing

@Suite("Generator")
struct GeneratorTests {
    static func exploration(seed: UInt64, budget: Int = 1500, jobs: Int = 2) throws -> Exploration {
        let (contract, file, tokens) = try Fixture.loaded()
        var settings = Exploration.Settings()
        settings.seed = seed
        settings.budget = budget
        settings.jobs = jobs
        return try Exploration(contract: contract, target: ExploreTarget(target: file, baseURL: "http://127.0.0.1:9/beta", tokens: tokens), settings: settings)
    }

    @Test func sameSeedSameSequencesOtherSeedOthers() throws {
        let first = try Self.exploration(seed: 42).plannedSequences()
        let again = try Self.exploration(seed: 42).plannedSequences()
        let other = try Self.exploration(seed: 43).plannedSequences()
        #expect(first == again)
        #expect(first != other)
        #expect(first.reduce(0) { $0 + $1.stepCount } >= 1500)
    }

    /// Bodies the generator calls valid match the CSDL shape; across a run it produces every
    /// operation, nested partials, explicit nulls, astral-plane strings and pre-1970 dates.
    @Test func coversTheDomainWithValidBodiesMostly() throws {
        let exploration = try Self.exploration(seed: 7, budget: 4000)
        let shapes = exploration.contract.shapes
        var methods: Set<String> = [], sawNull = false, sawNested = false, sawAstral = false, sawPreEpoch = false, sawConcurrent = false
        var valid = 0, invalid = 0
        for sequence in exploration.plannedSequences() {
            for op in sequence.ops {
                if case .concurrent = op { sawConcurrent = true }
                for step in op.steps {
                    methods.insert(step.method)
                    guard case .patch(_, .json(let body, let kind)) = step.action else { continue }
                    let text = body.rendered()
                    sawNull = sawNull || text.contains(":null")
                    sawNested = sawNested || text.contains("{\"company\":{")
                    sawAstral = sawAstral || text.unicodeScalars.contains { $0.value > 0xFFFF }
                    sawPreEpoch = sawPreEpoch || text.contains("\"1969-12-31\"") || text.contains("\"1900-02-28\"")
                    let breaches = shapes.validate(body, against: "microsoft.graph.workPosition").filter { $0.severity == .error && $0.actual != "absent" }
                    switch kind {
                    case .valid:
                        #expect(breaches.isEmpty, "valid body breaks the shape: \(text.prefix(200)) \(breaches)")
                        valid += 1
                    case .invalid:
                        #expect(!breaches.isEmpty, "invalid body passes the shape: \(text.prefix(200))")
                        invalid += 1
                    default: continue
                    }
                }
            }
        }
        #expect(methods == ["POST", "PATCH", "GET", "DELETE"])
        #expect(sawNull && sawNested && sawAstral && sawPreEpoch && sawConcurrent)
        #expect(valid > invalid * 4 && invalid > 0)
    }

    @Test func noConcurrentGroupsWithOneJob() throws {
        let sequences = try Self.exploration(seed: 7, jobs: 1).plannedSequences()
        #expect(!sequences.contains { $0.ops.contains { if case .concurrent = $0 { true } else { false } } })
    }
}
