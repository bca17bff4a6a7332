import JSONShape
import Testing

struct StructuredValidationTests {
    static let workPosition = "microsoft.graph.workPosition"

    struct Row: NamedRow {
        var name: String
        var json: String
        var policy = ShapePolicy()
        var expected: [String]
        var severities: [ShapeMismatch.Severity]? = nil
    }

    static let rows: [Row] = [
        Row(name: "minimal: id only", json: #"{"id":"1"}"#, expected: []),
        Row(name: "id required on entity", json: #"{}"#,
            expected: ["/id: expected Edm.String (string) (entity key, required), got absent"]),
        Row(name: "id not nullable", json: #"{"id":null}"#,
            expected: ["/id: expected Edm.String (non-nullable), got null"]),
        Row(name: "id must be a string", json: #"{"id":5}"#,
            expected: ["/id: expected Edm.String (string), got 5"]),
        Row(name: "inherited enum validated", json: #"{"id":"1","allowedAudiences":"friends"}"#,
            expected: [#"/allowedAudiences: expected microsoft.graph.allowedAudiences (member names joined by ',': me, family, contacts, groupMembers, organization, federatedOrganizations, everyone, unknownFutureValue), got "friends" ('friends' is not a member)"#]),
        Row(name: "inherited DateTimeOffset validated", json: #"{"id":"1","createdDateTime":"2020-07-06"}"#,
            expected: [#"/createdDateTime: expected Edm.DateTimeOffset (YYYY-MM-DDThh:mm:ss[.fffffff]Z or ±hh:mm), got "2020-07-06""#]),
        Row(name: "nullable members accept null",
            json: #"{"id":"1","detail":null,"isCurrent":null,"categories":null,"manager":null,"createdBy":null,"allowedAudiences":null}"#,
            expected: []),
        Row(name: "collection elements checked",
            json: #"{"id":"1","categories":["a",1],"colleagues":[{"relationship":"boss"},null]}"#,
            expected: ["/categories/1: expected Edm.String (string), got 1",
                       #"/colleagues/0/relationship: expected microsoft.graph.personRelationship (one of manager, colleague, directReport, dotLineReport, assistant, dotLineManager, alternateContact, friend, spouse, sibling, child, parent, sponsor, emergencyContact, other, unknownFutureValue), got "boss" ('boss' is not a member)"#]),
        Row(name: "collection must be an array", json: #"{"id":"1","categories":"a"}"#,
            expected: [#"/categories: expected Collection(Edm.String) (array), got "a""#]),
        Row(name: "complex must be an object", json: #"{"id":"1","detail":"x"}"#,
            expected: [#"/detail: expected microsoft.graph.positionDetail (object), got "x""#]),
        Row(name: "open types accept extras of any type, even under reject",
            json: #"{"id":"1","createdBy":{"user":{"id":"u","displayName":"A","email":"a@b","tags":[1]},"phone":{"x":1},"conversation":7}}"#,
            policy: ShapePolicy(extraProperties: .reject), expected: []),
        Row(name: "declared members of open types still checked",
            json: #"{"id":"1","lastModifiedBy":{"user":{"id":3}}}"#,
            expected: ["/lastModifiedBy/user/id: expected Edm.String (string), got 3"]),
        Row(name: "extra member allowed by default", json: #"{"id":"1","isFavorite":true,"detail":{"grade":7}}"#, expected: []),
        Row(name: "extra member warned", json: #"{"id":"1","isFavorite":true,"detail":{"grade":7}}"#,
            policy: ShapePolicy(extraProperties: .warn),
            expected: ["/isFavorite: expected no undeclared member on microsoft.graph.workPosition, got true",
                       "/detail/grade: expected no undeclared member on microsoft.graph.positionDetail, got 7"],
            severities: [.warning, .warning]),
        Row(name: "extra member rejected", json: #"{"id":"1","isFavorite":true}"#,
            policy: ShapePolicy(extraProperties: .reject),
            expected: ["/isFavorite: expected no undeclared member on microsoft.graph.workPosition, got true"],
            severities: [.error]),
        Row(name: "annotations always allowed and never validated",
            json: ##"{"id":"1","@odata.context":"https://graph.microsoft.com/beta/$metadata#x","@odata.type":5,"isCurrent@odata.type":"#Boolean","detail":{"@odata.type":[]}}"##,
            policy: ShapePolicy(extraProperties: .reject), expected: []),
        Row(name: "not an object at all", json: #""x""#,
            expected: [#"(root): expected microsoft.graph.workPosition (object), got "x""#]),
        Row(name: "Int32 and Double in nested complex types",
            json: #"{"id":"1","detail":{"layer":1.5},"inference":{"confidenceScore":"high","userHasVerifiedAccuracy":"True"}}"#,
            expected: ["/detail/layer: expected Edm.Int32 (integer literal -2147483648…2147483647), got 1.5 (not an integer literal)",
                       #"/inference/confidenceScore: expected Edm.Double (number or "NaN", "INF", "-INF"), got "high""#,
                       #"/inference/userHasVerifiedAccuracy: expected Edm.Boolean (true or false), got "True" (a string, not the JSON literal true)"#]),
    ]

    @Test(arguments: rows)
    func workPosition(_ row: Row) {
        let mismatches = Support.contract.validate(Support.json(row.json), against: Self.workPosition, policy: row.policy)
        #expect(mismatches.map(\.description) == row.expected)
        if let severities = row.severities { #expect(mismatches.map(\.severity) == severities) }
    }

    @Test func mismatchPointsAtTheDeclaringCSDLLine() throws {
        let mismatch = try #require(Support.contract.validate(Support.json(#"{"id":"1","detail":{"startMonthYear":"x"}}"#), against: Self.workPosition).first)
        let line = try #require(Support.contractLine(containing: #"Property Name="startMonthYear""#))
        #expect(mismatch.shapeLocation == SourceLocation(file: Support.contractPath, line: line, column: 9))
        let missingID = try #require(Support.contract.validate(Support.json("{}"), against: Self.workPosition).first)
        #expect(missingID.shapeLocation?.line == Support.contractLine(containing: "<Key>"))
    }

    @Test func registryFacts() {
        let registry = Support.contract
        #expect(registry.hasShape(Self.workPosition))
        #expect(registry.hasShape("microsoft.graph.identitySet"))
        #expect(registry.hasShape("Edm.Date"))
        #expect(!registry.hasShape("graph.workPosition"))  // the alias is for use inside CSDL only
        #expect(registry.shapeNames.count == 17)
        #expect(registry.shapeNames == registry.shapeNames.sorted())
        #expect(registry.unresolvedReferences().isEmpty)
    }

    @Test func unknownShapeNameIsAMismatchNotACrash() {
        let mismatches = Support.contract.validate(["id": "1"], against: "microsoft.graph.workPositon")
        #expect(mismatches.map(\.description) == [
            #"(root): expected a value of shape microsoft.graph.workPositon, got {"id":"1"} (shape 'microsoft.graph.workPositon' is not defined; did you mean 'microsoft.graph.workPosition'?)"#,
        ])
    }
}
