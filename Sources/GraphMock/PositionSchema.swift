/// The workPosition type table of reference §3, written out by hand.
///
/// Property order follows the reference tables; rendering uses it, so responses list members in a
/// stable order.
enum PositionSchema {
    static let allowedAudiences = EnumType(
        name: "microsoft.graph.allowedAudiences",
        members: ["me", "family", "contacts", "groupMembers", "organization", "federatedOrganizations", "everyone",
                  "unknownFutureValue"],
        isFlags: true)

    static let personRelationship = EnumType(
        name: "microsoft.graph.personRelationship",
        members: ["manager", "colleague", "directReport", "dotLineReport", "assistant", "dotLineManager",
                  "alternateContact", "friend", "spouse", "sibling", "child", "parent", "sponsor", "emergencyContact",
                  "other", "unknownFutureValue"])

    static let physicalAddressType = EnumType(
        name: "microsoft.graph.physicalAddressType", members: ["unknown", "home", "business", "other"])

    static let physicalAddress = ComplexType(
        name: "microsoft.graph.physicalAddress",
        properties: ["city", "countryOrRegion", "postalCode", "postOfficeBox", "state", "street"]
            .map { Property(name: $0, type: .string) }
            + [Property(name: "type", type: .enumeration(physicalAddressType))])

    static let companyDetail = ComplexType(
        name: "microsoft.graph.companyDetail",
        properties: [Property(name: "address", type: .complex(physicalAddress))]
            + ["companyCode", "costCenter", "department", "displayName", "division", "officeLocation", "pronunciation",
               "secondaryDepartment", "webUrl"].map { Property(name: $0, type: .string) })

    static let positionDetail = ComplexType(
        name: "microsoft.graph.positionDetail",
        properties: [
            Property(name: "company", type: .complex(companyDetail)),
            Property(name: "description", type: .string),
            Property(name: "employeeId", type: .string),
            Property(name: "employeeType", type: .string),
            Property(name: "endMonthYear", type: .date),
            Property(name: "jobTitle", type: .string),
            Property(name: "layer", type: .int32),
            Property(name: "level", type: .string),
            Property(name: "role", type: .string),
            Property(name: "secondaryJobTitle", type: .string),
            Property(name: "secondaryRole", type: .string),
            Property(name: "startMonthYear", type: .date),
            Property(name: "summary", type: .string),
        ])

    static let relatedPerson = ComplexType(
        name: "microsoft.graph.relatedPerson",
        properties: [
            Property(name: "displayName", type: .string),
            Property(name: "relationship", type: .enumeration(personRelationship)),
            Property(name: "userId", type: .string),
            Property(name: "userPrincipalName", type: .string),
        ])

    static let inferenceData = ComplexType(
        name: "microsoft.graph.inferenceData",
        properties: [
            Property(name: "confidenceScore", type: .double),
            Property(name: "userHasVerifiedAccuracy", type: .boolean),
        ])

    static let identity = ComplexType(
        name: "microsoft.graph.identity",
        properties: [Property(name: "displayName", type: .string), Property(name: "id", type: .string)],
        isOpen: true)

    static let identitySet = ComplexType(
        name: "microsoft.graph.identitySet",
        properties: ["application", "device", "user"].map { Property(name: $0, type: .complex(identity)) },
        isOpen: true)

    /// The docs/national-cloud form (reference §8.6): `type` is a single string.
    static let personDataSource = ComplexType(
        name: "microsoft.graph.personDataSource", properties: [Property(name: "type", type: .string)])

    static let profileSourceAnnotation = ComplexType(
        name: "microsoft.graph.profileSourceAnnotation",
        properties: [
            Property(name: "isDefaultSource", type: .boolean),
            Property(name: "properties", type: .collection(.string)),
            Property(name: "sourceId", type: .string),
        ])

    /// workPosition with its inherited itemFacet and entity members.
    static let workPosition = ComplexType(
        name: "microsoft.graph.workPosition",
        properties: [
            Property(name: "id", type: .string, access: .serverManaged),
            Property(name: "allowedAudiences", type: .enumeration(allowedAudiences)),
            Property(name: "categories", type: .collection(.string)),
            Property(name: "colleagues", type: .collection(.complex(relatedPerson))),
            Property(name: "createdBy", type: .complex(identitySet), access: .serverManaged),
            Property(name: "createdDateTime", type: .dateTimeOffset, access: .serverManaged),
            Property(name: "detail", type: .complex(positionDetail)),
            Property(name: "inference", type: .complex(inferenceData)),
            Property(name: "isCurrent", type: .boolean),
            Property(name: "isSearchable", type: .boolean, access: .serverManaged),
            Property(name: "lastModifiedBy", type: .complex(identitySet), access: .serverManaged),
            Property(name: "lastModifiedDateTime", type: .dateTimeOffset, access: .serverManaged),
            Property(name: "manager", type: .complex(relatedPerson)),
            Property(name: "source", type: .complex(personDataSource), access: .createOnly),
            Property(name: "sources", type: .collection(.complex(profileSourceAnnotation)), access: .serverManaged),
        ])

    /// Names a client may PATCH (reference §3.2).
    static let settableNames = workPosition.properties.filter { $0.access == .settable }.map(\.name)
}
