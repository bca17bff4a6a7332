import JSONShape

/// One problem in a case, shape or target file, printed as `file:line:col: error: message`
/// so editors and CI logs link straight to it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics while decoding continues, so one lint run reports every problem.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// Per file; past it one closing note says how many more there were.
    public static let maxPerFile = 100
    /// Messages quote values from the file; a megabyte-long value is cut to this many characters.
    public static let maxMessageLength = 300

    private var countByFile: [String: Int] = [:]

    public func error(_ message: String, at location: SourceLocation) {
        add(Diagnostic(.error, at: location, message))
    }

    public func warning(_ message: String, at location: SourceLocation) {
        add(Diagnostic(.warning, at: location, message))
    }

    private func add(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        let count = countByFile[diagnostic.location.file, default: 0] + 1
        countByFile[diagnostic.location.file] = count
        if count > Self.maxPerFile {
            if let index = diagnostics.lastIndex(where: { $0.location.file == diagnostic.location.file && $0.message.hasPrefix("… and ") }) {
                diagnostics[index].message = "… and \(count - Self.maxPerFile) more problems in this file (first \(Self.maxPerFile) shown)"
            } else {
                diagnostics.append(Diagnostic(.error, at: diagnostic.location, "… and 1 more problems in this file (first \(Self.maxPerFile) shown)"))
            }
            return
        }
        if diagnostic.message.count > Self.maxMessageLength {
            let head = diagnostic.message.prefix(Self.maxMessageLength - 60), tail = diagnostic.message.suffix(40)
            diagnostic.message = "\(head)…[\(diagnostic.message.count - head.count - tail.count) characters cut]…\(tail)"
        }
        diagnostics.append(diagnostic)
    }

    /// Takes over what `other` collected, as if it had been said here: used to merge the sinks of
    /// files decoded apart, which never share a file's count.
    public func absorb(_ other: DiagnosticSink) {
        diagnostics += other.diagnostics
        for (file, count) in other.countByFile { countByFile[file, default: 0] += count }
    }

    /// In file, line, column order: how editors and people read them.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { left, right in
            let a = left.element.location, b = right.element.location
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return left.offset < right.offset
        }.map(\.element)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
