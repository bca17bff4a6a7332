/// A 1-based position in a text file (case file, CSDL document).
///
/// Diagnostics print it as `file:line:col` so editors and CI logs can link straight to the
/// declaration that set an expectation.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
