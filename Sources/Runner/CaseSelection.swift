import CaseModel
import Foundation

/// `--tag`, `--case` and `--skip-tag` filters: a case runs if it has any listed tag, its name
/// matches any listed glob (an empty list selects everything), and it has no skipped tag.
public struct CaseSelection: Sendable {
    public var tags: [String] = []
    public var nameGlobs: [String] = []
    /// Cases with any of these tags are left out, whatever else selects them.
    public var skippedTags: [String] = []

    public init(tags: [String] = [], nameGlobs: [String] = [], skippedTags: [String] = []) {
        self.tags = tags
        self.nameGlobs = nameGlobs
        self.skippedTags = skippedTags
    }

    public func filter(_ planned: [PlannedCase]) -> [PlannedCase] {
        planned.filter { item in
            let tagged = tags.isEmpty || !Set(tags).isDisjoint(with: item.tags)
            let named = nameGlobs.isEmpty || nameGlobs.contains { glob in
                Self.matches(glob, item.displayName) || Self.matches(glob, item.definition.name)
                    || Self.matches(glob, "\(item.file.suite)/\(item.displayName)")
            }
            let excluded = !Set(skippedTags).isDisjoint(with: item.tags)
            return tagged && named && !excluded
        }
    }

    /// Shell-style glob: `*`, `?` and `[...]`, case-sensitive (fnmatch(3)).
    static func matches(_ glob: String, _ text: String) -> Bool {
        fnmatch(glob, text, 0) == 0
    }
}
