import Foundation

/// Why a report file could not be written: which path, which step, and the system's reason.
public struct ReportFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var operation: String
    public var detail: String

    public init(path: String, operation: String, detail: String) {
        self.path = path
        self.operation = operation
        self.detail = detail
    }

    public var description: String { "cannot \(operation) \(path): \(detail)" }

    /// From the current `errno`.
    static func posix(_ operation: String, _ path: String) -> ReportFileError {
        let code = errno
        return ReportFileError(path: path, operation: operation, detail: String(cString: strerror(code)) + " (errno \(code))")
    }
}
