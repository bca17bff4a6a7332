import CurlClient
import Foundation
import JSONShape

/// What a response may be checked against: status code, headers, and the body both as bytes and,
/// when it is JSON, as a value.
struct ObservedResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var json: JSONValue?
    var jsonError: String?

    func header(_ name: String) -> String? {
        headers.first { HTTPHeader.namesEqual($0.name, name) }?.value
    }
}
