/// How `ReportPreparer` treats text: caps, extra secrets, and what to drop when the file is too big.
struct TextPolicy: Sendable {
    /// Cap per text element (failure detail, transcript), in UTF-8 bytes.
    var maxTextBytes: Int = 64 * 1024
    /// Exact strings to redact on top of the built-in patterns.
    var secrets: [String] = []
    /// False drops transcripts of passing cases: the first thing to go when the file is too big
    /// (Jenkins keeps only about 1 KB of them anyway).
    var keepPassingTranscripts = true
    /// Set when content was dropped to fit the file cap; written as property `report.truncated`.
    var truncationNote: String?
}
