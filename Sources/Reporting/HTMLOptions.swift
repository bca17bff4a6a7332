/// Knobs for `HTMLReportWriter`.
public struct HTMLOptions: Sendable {
    /// Exact strings to redact on top of the built-in credential patterns (as for JUnit).
    public var secrets: [String] = []
    /// Cap per text block (failure detail, transcript, snapshot body), in UTF-8 bytes.
    public var maxTextBytes: Int = 32 * 1024
    /// Cap for the whole page: past it, passing cases lose their transcripts, then every text
    /// block is cut shorter, as in the JUnit report; cases themselves are never dropped.
    public var maxFileBytes: Int = 8 << 20

    public init() {}
}
