import JSONShape
import Testing

struct EnumValidationTests {
    struct Row: NamedRow {
        var name: String
        var enumName: String
        var json: String
        var hint: String??  // nil: accepted; .some(hint): one mismatch with that hint
    }

    static let audiences = "microsoft.graph.allowedAudiences"
    static let addressType = "microsoft.graph.physicalAddressType"

    static let rows: [Row] = [
        Row(name: "flags: single member", enumName: audiences, json: #""organization""#, hint: nil),
        Row(name: "flags: zero-valued member", enumName: audiences, json: #""me""#, hint: nil),
        Row(name: "flags: two members joined by comma", enumName: audiences, json: #""organization,everyone""#, hint: nil),
        Row(name: "flags: wrong case", enumName: audiences, json: #""Organization""#, hint: "did you mean 'organization'?"),
        Row(name: "flags: unknown member", enumName: audiences, json: #""public""#, hint: "'public' is not a member"),
        Row(name: "flags: misspelt member", enumName: audiences, json: #""organisation""#, hint: "did you mean 'organization'?"),
        Row(name: "flags: empty string", enumName: audiences, json: #""""#, hint: "empty string is not a member"),
        Row(name: "flags: numeric string", enumName: audiences, json: #""8""#, hint: "numeric values are not accepted; use member names"),
        Row(name: "flags: number", enumName: audiences, json: "8", hint: "enum values travel as member-name strings"),
        Row(name: "flags: space after comma", enumName: audiences, json: #""organization, everyone""#, hint: "no spaces around ','"),
        Row(name: "flags: empty part", enumName: audiences, json: #""organization,,everyone""#, hint: "empty member between commas"),
        Row(name: "flags: trailing comma", enumName: audiences, json: #""organization,""#, hint: "empty member between commas"),
        Row(name: "flags: one bad part", enumName: audiences, json: #""organization,Everyone""#, hint: "did you mean 'everyone'?"),
        Row(name: "flags: null is not a member", enumName: audiences, json: "null", hint: .some(nil)),
        Row(name: "plain: member", enumName: addressType, json: #""business""#, hint: nil),
        Row(name: "plain: wrong case", enumName: addressType, json: #""Business""#, hint: "did you mean 'business'?"),
        Row(name: "plain: comma list not allowed", enumName: addressType, json: #""home,business""#, hint: "'home,business' is not a member"),
        Row(name: "plain: empty string", enumName: addressType, json: #""""#, hint: "empty string is not a member"),
        Row(name: "plain: number", enumName: addressType, json: "2", hint: "enum values travel as member-name strings"),
    ]

    @Test(arguments: rows)
    func member(_ row: Row) {
        let mismatches = Support.contract.validate(Support.json(row.json), against: row.enumName)
        switch row.hint {
        case nil:
            #expect(mismatches.isEmpty, "\(mismatches)")
        case .some(let hint):
            #expect(mismatches.count == 1)
            #expect(mismatches.first?.hint == hint)
            #expect(mismatches.first?.expected.hasPrefix(row.enumName) == true)
        }
    }

    @Test func membersInDeclaredOrder() {
        #expect(Support.contract.enumMembers(Self.audiences) == [
            "me", "family", "contacts", "groupMembers", "organization", "federatedOrganizations", "everyone", "unknownFutureValue",
        ])
        #expect(Support.contract.enumMembers(Self.addressType) == ["unknown", "home", "business", "other"])
        #expect(Support.contract.enumMembers("microsoft.graph.personRelationship")?.count == 16)
        #expect(Support.contract.enumMembers("microsoft.graph.workPosition") == nil)
        #expect(Support.contract.enumMembers("graph.allowedAudiences") == nil)
    }

    @Test func flagsExpectationMentionsJoining() {
        let mismatch = Support.contract.validate("public", against: Self.audiences).first
        #expect(mismatch?.description == #"(root): expected microsoft.graph.allowedAudiences (member names joined by ',': me, family, contacts, groupMembers, organization, federatedOrganizations, everyone, unknownFutureValue), got "public" ('public' is not a member)"#)
    }
}
