import JSONShape

/// A named list of steps a case file defines once (`groups:`) and cases reuse with
/// `- use: NAME` (optionally `with: {param: text}`), so one check written once can follow every
/// kind of write instead of being copied after each.
///
/// Groups are expanded while the file is decoded: each use is decoded in place, in the scope of
/// the steps before it, so lint checks every use on its own and captures or snapshots a group
/// takes are visible to the steps after it. `with` binds parameters before the group's steps are
/// read: a parameter bound to one variable (`{item: "${created}"}`) renames it everywhere
/// (`${item.id | urlencode}` → `${created.id | urlencode}`); one bound to other text replaces a
/// bare `${param}`.
public struct StepGroup: Sendable {
    public var name: String
    public var steps: [YAMLNode]
    public var location: SourceLocation
}
