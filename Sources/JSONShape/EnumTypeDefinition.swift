/// A CSDL enumeration: member names in declared order, and whether values may be combined.
struct EnumTypeDefinition: Sendable {
    var name: String
    var isFlags: Bool
    var members: [(name: String, value: String?)]
    var location: SourceLocation?

    var memberNames: [String] { members.map(\.name) }
}
