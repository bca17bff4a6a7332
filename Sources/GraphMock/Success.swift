import JSONShape

/// A successful outcome before headers are added: status, optional JSON body, extra headers.
struct Success: Sendable {
    var status: Int
    var body: JSONValue?
    var headers: [(String, String)] = []
}
