@testable import Explorer
import JSONShape
import Testing

@Suite("Reference model")
struct ModelTests {
    @Test func mergeKeepsNestedSiblingsReplaceDropsThem() {
        let stored: JSONValue = ["detail": ["jobTitle": "a", "role": "b"], "categories": ["x", "y"]]
        let body = JSONObject([("detail", ["role": "c"]), ("categories", ["z"])])
        #expect(PatchSemantics.apply(body, to: stored, nested: .merge) == ["detail": ["jobTitle": "a", "role": "c"], "categories": ["z"]])
        #expect(PatchSemantics.apply(body, to: stored, nested: .replace) == ["detail": ["role": "c"], "categories": ["z"]])
    }

    @Test func normalizerTreatsNullAbsentAndAllNullObjectsAlike() throws {
        let normalizer = Normalizer(contract: try Fixture.loaded().contract)
        let rendered: JSONValue = ["id": "1", "isCurrent": nil, "inference": ["confidenceScore": nil], "detail": ["jobTitle": "x", "futureMember": 1],
                                   "allowedAudiences": "everyone,organization"]
        #expect(normalizer.entity(rendered) == ["detail": ["jobTitle": "x"], "allowedAudiences": "organization,everyone"])
    }

    @Test func everySerialOrderOfAGroup() {
        #expect(Set(SequenceRunner.orders(2)) == [[0, 1], [1, 0]])
        #expect(Set(SequenceRunner.orders(3)).count == 6)
    }

    @Test func yamlFlowEscapesWhatYAMLCannotHoldRaw() {
        #expect(YAMLFlow.quote("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(YAMLFlow.quote("\u{0}\u{85}\u{FEFF}\u{2028}") == "\"\\u0000\\u0085\\uFEFF\\u2028\"")
        #expect(YAMLFlow.quote("é😀") == "\"é😀\"")
    }
}
