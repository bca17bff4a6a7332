@testable import GraphMock
import Testing

/// The router's matching of fixed segments (any letter case) and what it keeps as given.
@Suite struct RouterTests {
    @Test(arguments: [
        ("positions", "positions", true), ("PoSiTiOnS", "positions", true), ("positionsx", "positions", false),
        ("position", "positions", false), ("V1.0", "v1.0", true), ("v1_0", "v1.0", false), ("mé", "me", false),
        ("", "me", false), ("ME", "me", true), ("m\u{0}", "me", false),
    ])
    func fixedSegmentsMatchInAnyASCIICase(_ row: (segment: String, word: String, matches: Bool)) {
        let matches = switch row.word {
        case "positions": Router.isWord(row.segment, "positions")
        case "v1.0": Router.isWord(row.segment, "v1.0")
        default: Router.isWord(row.segment, "me")
        }
        #expect(matches == row.matches)
    }

    @Test func idsAndUserKeysKeepTheirCaseAndDecoding() throws {
        let route = try Router.resolve(method: "GET", target: "/V1.0/Users/Ad%C3%A9le%40Contoso.com/PROFILE/Positions/AbC-1/?$select=id")
        #expect(route.version == "V1.0")
        #expect(route.subject == .user("Adéle@Contoso.com"))
        #expect(route.positionID == "AbC-1")
        #expect(route.query.map(\.name) == ["$select"])
    }

    @Test func nearMissesAreNotRoutes() {
        for target in ["/beta/me/profiles/positions", "/beta/mee/profile/positions", "/gamma/me/profile/positions",
                       "/beta/users/profile/positions", "/beta/me/profile/positions/a/b", "beta/me/profile/positions"] {
            #expect(throws: GraphError.self, "\(target)") { try Router.resolve(method: "GET", target: target) }
        }
        #expect(throws: GraphError.self) { try Router.resolve(method: "PATCH", target: "/beta/me/profile/positions") }
    }
}
