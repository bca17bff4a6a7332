/// How strictly a validation treats the response beyond what the shapes declare.
///
/// Graph adds properties to its types over time, so undeclared members on non-open types are
/// allowed by default; a run can opt into warnings or errors to track drift.
public struct ShapePolicy: Sendable, Hashable {
    public enum Extra: Sendable, Hashable {
        /// Undeclared members are ignored.
        case allow
        /// Undeclared members are reported with severity `.warning`.
        case warn
        /// Undeclared members are reported with severity `.error`.
        case reject
    }

    public var extraProperties: Extra = .allow

    public init(extraProperties: Extra = .allow) {
        self.extraProperties = extraProperties
    }
}
