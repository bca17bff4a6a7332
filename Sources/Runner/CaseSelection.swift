import CaseModel
import Foundation

/// `--tag` and `--case` filters: a case runs if it has any listed tag and its name matches any
/// listed glob (an empty list selects everything).
public struct CaseSelection: Sendable {
    public var tags: [String] = []
    public var nameGlobs: [String] = []

    public init(tags: [String] = [], nameGlobs: [String] = []) {
        self.tags = tags
        self.nameGlobs = nameGlobs
    }

    public func filter(_ planned: [PlannedCase]) -> [PlannedCase] {
        planned.filter { item in
            let tagged = tags.isEmpty || !Set(tags).isDisjoint(with: item.tags)
            let named = nameGlobs.isEmpty || nameGlobs.contains { glob in
                Self.matches(glob, item.displayName) || Self.matches(glob, item.definition.name)
                    || Self.matches(glob, "\(item.file.suite)/\(item.displayName)")
            }
            return tagged && named
        }
    }

    /// Shell-style glob: `*`, `?` and `[...]`, case-sensitive (fnmatch(3)).
    static func matches(_ glob: String, _ text: String) -> Bool {
        fnmatch(glob, text, 0) == 0
    }
}
