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

    /// Variable roots every case may use (cases/README.md, "Variables").
    public static let builtinVariables = ["uuid", "now", "today", "runId", "baseUrl", "user", "policy"]
    public static let userFields = ["id", "upn"]
}
