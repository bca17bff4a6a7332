/// Which CI system's annotations a run produces (`run --annotations`).
public enum AnnotationFormat: String, Sendable, CaseIterable {
    /// GitHub Actions when `GITHUB_ACTIONS=true`, GitLab CI when `GITLAB_CI=true`, else none.
    case auto
    /// `::error file=…,line=…::` workflow commands on stdout and a Markdown job summary.
    case github
    /// A code-quality report (Code Climate JSON) for GitLab's merge-request widget.
    case gitlab
    /// Nothing beyond the report files.
    case none

    /// `auto` decided from the environment; the other values stay as they are.
    public func resolved(environment: [String: String]) -> AnnotationFormat {
        guard self == .auto else { return self }
        if environment["GITHUB_ACTIONS"] == "true" { return .github }
        if environment["GITLAB_CI"] == "true" { return .gitlab }
        return .none
    }
}
