/// One `name=value` fact about the run, written as `<property name value>` on every suite.
///
/// Kept as an ordered list rather than a dictionary so the output order is the order the runner chose.
public struct ReportProperty: Sendable, Codable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
