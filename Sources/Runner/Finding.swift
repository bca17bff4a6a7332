import Foundation
import JSONShape

/// One broken expectation: what went wrong (with the JSON pointer when there is one) and the
/// case-file line that asked for it.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation

    public var description: String { "\(message)  [\(location)]" }
}

/// What a response may be checked against: status code, headers, and the body both as bytes and,
/// when it is JSON, as a value.
struct ObservedResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var json: JSONValue?
    var jsonError: String?

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
