import JSONShape
import Testing

/// The Graph "Update workPosition" documentation response, rebuilt from the facts in §3.6 of
/// the contract reference, and a deliberately broken response.
struct WorkPositionExampleTests {
    /// Full workPosition; all itemFacet members present (several null); allowedAudiences
    /// "organization"; createdBy/lastModifiedBy with only `user`; a fully populated
    /// detail.company.address of type "business"; endMonthYear null; the doc's placeholder
    /// startMonthYear "datetime-value"; isCurrent true; 7-digit DateTimeOffsets.
    static let docResponse = #"""
    {
      "@odata.context": "https://graph.microsoft.com/beta/$metadata#users('48d31887-5fad-4d73-a9f5-3c356e68a038')/profile/positions/$entity",
      "id": "0fb4c1e3-c1e3-0fb4-e3c1-b40fe3c1b40f",
      "allowedAudiences": "organization",
      "inference": null,
      "createdDateTime": "2020-07-06T06:34:12.2294868Z",
      "createdBy": {
        "application": null,
        "device": null,
        "user": {
          "displayName": "Innocenty Popov",
          "id": "db789417-4ccb-41d1-a0a9-47b01a1f9a09"
        }
      },
      "lastModifiedDateTime": "2020-07-06T06:34:12.2294868Z",
      "lastModifiedBy": {
        "application": null,
        "device": null,
        "user": {
          "displayName": "Innocenty Popov",
          "id": "db789417-4ccb-41d1-a0a9-47b01a1f9a09"
        }
      },
      "source": null,
      "detail": {
        "description": null,
        "endMonthYear": null,
        "jobTitle": "Senior Product Manager",
        "role": "consulting",
        "startMonthYear": "datetime-value",
        "summary": null,
        "employeeId": null,
        "employeeType": null,
        "company": {
          "displayName": "Adventureworks Ltd.",
          "pronunciation": null,
          "department": "Consulting",
          "officeLocation": "AW23/344",
          "webUrl": "https://www.adventureworks.com",
          "costCenter": null,
          "division": null,
          "address": {
            "type": "business",
            "postOfficeBox": null,
            "street": "123 Patriachy Ponds",
            "city": "Moscow",
            "state": null,
            "countryOrRegion": "RU",
            "postalCode": "98052"
          }
        }
      },
      "isCurrent": true,
      "categories": [],
      "colleagues": [],
      "manager": null
    }
    """#

    @Test func docResponseOnlyBreaksStartMonthYear() {
        let mismatches = Support.contract.validate(Support.json(Self.docResponse), against: "microsoft.graph.workPosition")
        #expect(mismatches.map(\.description) == [
            #"/detail/startMonthYear: expected Edm.Date (YYYY-MM-DD), got "datetime-value""#,
        ])
        #expect(mismatches.first?.pointer == JSONPointer(tokens: ["detail", "startMonthYear"]))
    }

    @Test func docResponseOnlyBreaksStartMonthYearEvenUnderReject() {
        let mismatches = Support.contract.validate(
            Support.json(Self.docResponse), against: "microsoft.graph.workPosition", policy: ShapePolicy(extraProperties: .reject))
        #expect(mismatches.map(\.pointer.description) == ["/detail/startMonthYear"])
    }

    @Test func correctedDocResponseConforms() {
        var value = Support.json(Self.docResponse)
        value.set("2001-01-01", at: JSONPointer(tokens: ["detail", "startMonthYear"]))
        #expect(Support.contract.validate(value, against: "microsoft.graph.workPosition").isEmpty)
    }

    @Test func selfMadeUpdateBodyConforms() {
        let body = #"{"allowedAudiences":"organization","detail":{"jobTitle":"Staff Engineer","startMonthYear":"2019-04-01","company":{"displayName":"Contoso","address":{"type":"business","city":"Oslo"}}},"colleagues":[{"displayName":"A. Person","relationship":"colleague","userPrincipalName":"a@contoso.com"}],"isCurrent":false}"#
        let mismatches = Support.contract.validate(Support.json(body), against: "microsoft.graph.workPosition")
        // A PATCH body carries no id; everything else conforms.
        #expect(mismatches.map(\.pointer.description) == ["/id"])
    }

    /// Number where a string belongs, bad enum member, bad date, missing id.
    static let brokenResponse = #"""
    {
      "allowedAudiences": "organization",
      "detail": {
        "jobTitle": 42,
        "startMonthYear": "2019-02-29",
        "company": {"displayName": "Contoso", "address": {"type": "office", "city": "Oslo"}}
      },
      "isCurrent": false
    }
    """#

    @Test func brokenResponseGivesExactlyFourLines() {
        let mismatches = Support.contract.validate(Support.json(Self.brokenResponse), against: "microsoft.graph.workPosition")
        #expect(mismatches.map(\.description) == [
            "/detail/jobTitle: expected Edm.String (string), got 42",
            #"/detail/startMonthYear: expected Edm.Date (YYYY-MM-DD), got "2019-02-29""#,
            #"/detail/company/address/type: expected microsoft.graph.physicalAddressType (one of unknown, home, business, other), got "office" ('office' is not a member)"#,
            "/id: expected Edm.String (string) (entity key, required), got absent",
        ])
        #expect(mismatches.allSatisfy { $0.severity == .error && $0.shapeLocation?.file == Support.contractPath })
    }

    @Test func orderIsStableAcrossRuns() {
        let value = Support.json(Self.brokenResponse)
        let first = Support.contract.validate(value, against: "microsoft.graph.workPosition")
        for _ in 0..<20 {
            #expect(Support.contract.validate(value, against: "microsoft.graph.workPosition") == first)
        }
    }

    @Test func listResponseThroughInlineShape() throws {
        let registry = try Support.contract.registering(
            name: "graph.workPositionList",
            spec: Support.json(#"{"type":"object","required":["value"],"open":true,"properties":{"value":{"type":"array","items":{"ref":"microsoft.graph.workPosition"}}}}"#),
            location: SourceLocation(file: "cases/list.yaml", line: 3))
        let list = #"{"@odata.context":"x","value":[{"id":"1"},{"id":"2","isCurrent":"yes"},{}]}"#
        #expect(registry.validate(Support.json(list), against: "graph.workPositionList").map(\.description) == [
            #"/value/1/isCurrent: expected Edm.Boolean (true or false), got "yes""#,
            "/value/2/id: expected Edm.String (string) (entity key, required), got absent",
        ])
    }
}
