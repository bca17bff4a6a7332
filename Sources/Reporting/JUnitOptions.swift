/// Knobs for `JUnitWriter`; the defaults produce the file every reader in CONVENTIONS.md accepts.
public struct JUnitOptions: Sendable {
    /// Writes `testcase@file` (the suite's case file) for GitLab's "File" column. Off by default:
    /// the enforced XSD rejects it, and the Jenkins xUnit plugin then discards the whole file.
    public var gitlabFileAttribute: Bool = false
    /// Cap per text element (failure text, transcript), in UTF-8 bytes; head and tail are kept.
    public var maxTextBytes: Int = 64 * 1024
    /// Cap for the whole document. When exceeded, passing cases lose their transcripts, then the
    /// per-element cap is halved until the file fits (GitLab refuses files over 30 MB).
    public var maxFileBytes: Int = 25 << 20
    /// Exact strings to redact on top of the built-in credential patterns.
    public var secrets: [String] = []

    public init() {}
}
