/// Why a shape definition (CSDL document or inline spec) could not be loaded, and where.
///
/// Load errors are authoring mistakes, so they carry the location of the offending text and read
/// as `file:line:col: error: message` when printed.
public struct ShapeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return "error: \(message)" }
        return "\(location): error: \(message)"
    }
}
