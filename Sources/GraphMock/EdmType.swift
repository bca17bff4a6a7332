/// The Edm types the mock checks request values against.
///
/// The mock keeps its own table (reference §3) instead of reusing the suite's shape validator, so
/// that a mistake in one cannot hide the same mistake in the other.
indirect enum EdmType: Sendable {
    case string
    case boolean
    case int32
    case double
    case date
    case dateTimeOffset
    case enumeration(EnumType)
    case complex(ComplexType)
    case collection(EdmType)

    /// The qualified name used in error messages.
    var name: String {
        switch self {
        case .string: "Edm.String"
        case .boolean: "Edm.Boolean"
        case .int32: "Edm.Int32"
        case .double: "Edm.Double"
        case .date: "Edm.Date"
        case .dateTimeOffset: "Edm.DateTimeOffset"
        case .enumeration(let type): type.name
        case .complex(let type): type.name
        case .collection(let element): "Collection(\(element.name))"
        }
    }
}

/// An enumeration with its members in declared order; flags enums accept comma-joined members.
struct EnumType: Sendable {
    var name: String
    var members: [String]
    var isFlags = false
}

/// A structured type: its declared properties in order and whether undeclared members are allowed.
struct ComplexType: Sendable {
    var name: String
    var properties: [Property]
    var isOpen = false

    func property(named name: String) -> Property? { properties.first { $0.name == name } }
}

/// A declared property and who may write it.
struct Property: Sendable {
    /// Settable on create and update; create-only (`source`); server-managed (ignored in bodies).
    enum Access: Sendable { case settable, createOnly, serverManaged }

    var name: String
    var type: EdmType
    var access: Access = .settable
}
