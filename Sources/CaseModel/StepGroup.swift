import JSONShape

/// A named list of steps a case file defines once (`groups:`) and cases reuse with
/// `- use: NAME` (optionally `with: {param: text}`), so one check written once can follow every
/// kind of write instead of being copied after each.
///
/// Groups are expanded while the file is decoded: each use is decoded in place, in the scope of
/// the steps before it, so lint checks every use on its own and captures or snapshots a group
/// takes are visible to the steps after it. `with` values replace `${param}` as text before the
/// group's steps are read; the replacement may itself hold `${…}` references.
public struct StepGroup: Sendable {
    public var name: String
    public var steps: [YAMLNode]
    public var location: SourceLocation
}
