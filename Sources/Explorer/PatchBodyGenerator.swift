import Identifiers
import JSONShape

/// Random PATCH bodies: partial objects at every depth, mostly valid, sometimes not.
struct PatchBodyGenerator {
    var contract: ContractModel
    var domain: ValueDomain
    var policies: ExplorePolicies

    func validBody(random: inout SeededRandom) -> JSONObject {
        domain.partialObject(contract.settableProperties, random: &random, depth: 0)
    }

    func body(random: inout SeededRandom) -> PatchBody {
        var object = validBody(random: &random)
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<78:
            return .json(.object(object), kind: .valid)
        case 78..<83:
            let name = random.pick(ContractModel.readOnly)
            object[name] = readOnlyValue(name, random: &random)
            return .json(.object(object), kind: .readOnly)
        case 83..<87:
            if random.chance(50), case .object(var detail)? = object["detail"] {
                detail["undeclaredMember"] = "x"
                object["detail"] = .object(detail)
            } else {
                object["undeclaredMember"] = .int(1)
            }
            return .json(.object(object), kind: .unknownMember)
        case 87..<97:
            let property = random.pick(contract.settableProperties)
            object[property.name] = invalidValue(property, random: &random)
            return .json(.object(object), kind: .invalid)
        default:
            return random.pick([
                .raw("{\"isCurrent\": tru", contentType: "application/json"),
                .raw("[]", contentType: "application/json"),
                .raw("\"detail\"", contentType: "application/json"),
                .raw("{\"isCurrent\": true}", contentType: nil),
                .raw("{\"isCurrent\": true}", contentType: "text/plain"),
            ])
        }
    }

    private func readOnlyValue(_ name: String, random: inout SeededRandom) -> JSONValue {
        switch name {
        case "id": "00000000-0000-0000-0000-0000000000aa"
        case "createdBy": ["user": ["id": "00000000-0000-0000-0000-0000000000bb", "displayName": "Someone Else"]]
        default: random.chance(50) ? "2001-01-01T00:00:00Z" : "2999-12-31T23:59:59.9999999Z"
        }
    }

    /// A value the property's type does not allow, possibly nested inside a valid partial object.
    func invalidValue(_ property: ContractProperty, random: inout SeededRandom) -> JSONValue {
        if property.isCollection {
            if random.chance(50) { return random.chance(50) ? JSONValue.string("text") : ["member": 1] }
            return .array([invalidElement(property.typeName, random: &random)])
        }
        return invalidElement(property.typeName, random: &random)
    }

    private func invalidElement(_ typeName: String, random: inout SeededRandom) -> JSONValue {
        switch contract.shapes.contractType(typeName) {
        case .primitive(let name)?:
            switch name {
            case "Edm.String": return random.pick([42, true, ["a": 1]] as [JSONValue])
            case "Edm.Boolean": return random.pick(["true", 1, "false"] as [JSONValue])
            case "Edm.Int32": return random.pick([2_147_483_648, -2_147_483_649, 1.5, "7"] as [JSONValue])
            case "Edm.Double": return random.pick(["abc", true, ["x": 1]] as [JSONValue])
            case "Edm.Date":
                return .string(random.pick(["2023-02-29", "1900-02-29", "2021-13-01", "2021-04-31", "2021-4-1",
                                            "2019-04-01T00:00:00Z", "", "0000-01-01", "20210401"]))
            default: return ["unexpected": true]
            }
        case .enumeration(let members, _)?:
            let member = random.pick(members)
            let wrongCase = member.prefix(1).uppercased() + member.dropFirst()
            return random.pick([.string(wrongCase), "notAMember", "", 3] as [JSONValue])
        case .structured(let properties, let isOpen)?:
            let nested = contract.properties(of: typeName).filter { _ in !isOpen }
            if !nested.isEmpty, random.chance(70) {
                var object = domain.partialObject(properties, random: &random, depth: 1)
                let target = random.pick(nested)
                object[target.name] = invalidValue(target, random: &random)
                return .object(object)
            }
            return random.pick(["text", [1, 2], true] as [JSONValue])
        case nil:
            return "unknown"
        }
    }
}
