/// A case-file position as the runner writes it, "cases/partial/x.yaml:88:11", taken apart for
/// readers that want the pieces (GitHub's `file=`/`line=`, GitLab's `path`/`lines.begin`).
struct ReportLocation: Equatable {
    var file: String
    var line: Int?
    var column: Int?

    /// Splits trailing ":line" and ":line:column" off; text without them is all file.
    init(_ text: String) {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var numbers: [Int] = []
        while parts.count > 1, numbers.count < 2, let last = parts.last, let number = Int(last), number > 0 {
            numbers.insert(number, at: 0)
            parts.removeLast()
        }
        file = parts.joined(separator: ":")
        line = numbers.first
        column = numbers.count > 1 ? numbers[1] : nil
    }

    init(file: String, line: Int?, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}
