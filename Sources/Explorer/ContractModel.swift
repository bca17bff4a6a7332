import JSONShape

/// The workPosition contract as the explorer needs it: the CSDL types (from the same
/// `ShapeRegistry` the runner validates with) plus the facts the CSDL does not carry, each from
/// the reference.
public struct ContractModel: Sendable {
    public static let entityType = "microsoft.graph.workPosition"
    public static let listShape = "graph.workPositionList"
    public static let errorShape = "graph.error"

    /// Settable on PATCH per the update page (reference §3.2); everything else the entity declares
    /// is server-managed or create-only.
    public static let settable = ["allowedAudiences", "categories", "colleagues", "detail", "inference", "isCurrent", "manager"]
    /// Server-managed members a client might still send (reference §8.4: ignore or reject, never apply).
    static let readOnly = ["id", "createdDateTime", "createdBy", "lastModifiedDateTime"]

    public let shapes: ShapeRegistry

    public init(shapes: ShapeRegistry) throws(ExploreError) {
        self.shapes = shapes
        for name in [Self.entityType, Self.listShape, Self.errorShape] where !shapes.hasShape(name) {
            throw ExploreError("the contract has no shape \(name); explore needs cases/contract/ as shipped")
        }
    }

    /// The entity's settable properties with their declared types.
    var settableProperties: [ContractProperty] {
        properties(of: Self.entityType).filter { Self.settable.contains($0.name) }
    }

    func properties(of typeName: String) -> [ContractProperty] {
        if case .structured(let properties, _)? = shapes.contractType(typeName) { return properties }
        return []
    }

    /// The declared type at a pointer into a workPosition body (`/detail/company/displayName` →
    /// `Edm.String`); array indexes step into the element type. Nil past undeclared members.
    func typeName(at pointer: JSONPointer) -> String? {
        var typeName = Self.entityType
        var inCollection = false
        for token in pointer.tokens {
            if inCollection, Int(token) != nil {
                inCollection = false
                continue
            }
            guard let property = properties(of: typeName).first(where: { $0.name == token }) else { return nil }
            typeName = property.typeName
            inCollection = property.isCollection
        }
        return inCollection ? nil : typeName
    }

    func isOpen(_ typeName: String) -> Bool {
        if case .structured(_, let open)? = shapes.contractType(typeName) { return open }
        return false
    }
}

/// A problem that stops exploration before it starts (bad contract, no usable principal).
public struct ExploreError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
