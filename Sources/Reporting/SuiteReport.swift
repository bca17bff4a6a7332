import Foundation

/// The cases of one case file (or area), rendered as one `<testsuite>`.
///
/// One flat level of suites is what every CI reader walks (dorny ignores nested suites).
public struct SuiteReport: Sendable, Codable {
    /// Short suite name, e.g. "patch-partial" (area or case-file stem).
    public var name: String
    /// Case-file path relative to the repository, e.g. "cases/patch/partial.yaml"; written as
    /// `testsuite@file`, where mikepenz looks for the annotation file.
    public var file: String
    /// When the suite started; written in UTC with seconds precision.
    public var timestamp: Date
    /// The suite's cases, in run order. A suite with no cases is not written (Jenkins drops it).
    public var cases: [CaseReport]

    public init(name: String, file: String, timestamp: Date, cases: [CaseReport] = []) {
        self.name = name
        self.file = file
        self.timestamp = timestamp
        self.cases = cases
    }
}
