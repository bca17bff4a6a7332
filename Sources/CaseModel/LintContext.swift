import JSONShape

/// What a case file may refer to: the target's principals and policies, and the contract's shapes
/// and enums. Decoding checks every reference against it, so `lint` catches them before a run.
public struct LintContext: Sendable {
    public var principals: Set<String>
    public var policies: Set<String>
    public var shapeExists: @Sendable (String) -> Bool
    public var enumMembers: @Sendable (String) -> [String]?
    /// For "did you mean" on unknown shape names.
    public var shapeNames: [String] = []

    public init(
        principals: Set<String>,
        policies: Set<String>,
        shapeExists: @escaping @Sendable (String) -> Bool,
        enumMembers: @escaping @Sendable (String) -> [String]?
    ) {
        self.principals = principals
        self.policies = policies
        self.shapeExists = shapeExists
        self.enumMembers = enumMembers
    }

    /// What files may name when checked against a contract: its shapes and enums, with
    /// "did you mean" over its shape names.
    public init(shapes: ShapeRegistry, principals: Set<String> = LintContext.standardPrincipals,
                policies: Set<String> = Set(TargetFile.defaultPolicies.keys)) {
        self.init(principals: principals, policies: policies,
                  shapeExists: { shapes.hasShape($0) }, enumMembers: { shapes.enumMembers($0) })
        shapeNames = shapes.shapeNames
    }

    /// The principals the catalogue uses (cases/README.md, "Principals and targets").
    public static let standardPrincipals: Set<String> = [
        "readWrite", "readOnly", "readWriteAll", "otherUser", "app", "otherTenant", "otherTenantApp",
    ]

    /// The principal a step runs as when neither it, its case nor its file names one.
    public static let defaultPrincipal = "readWrite"

    /// Variable roots every case may use (cases/README.md, "Variables").
    public static let builtinVariables = BuiltinVariable.allCases.map(\.rawValue)
    public static let userFields = ["id", "upn"]
}
