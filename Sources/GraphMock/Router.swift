import Foundation
import JSONShape

/// Maps method and target to a `Route`, or to 404 (unknown path) / 405 (known path, wrong method).
///
/// Accepted paths, after percent-decoding each segment (fixed segments case-insensitive, a
/// trailing `/` tolerated):
/// `/{beta|v1.0}/me/profile/positions[/{id}]` and `/{beta|v1.0}/users/{key}/profile/positions[/{id}]`.
/// OData key syntax (`positions('id')`) is not supported.
enum Router {
    static let collectionMethods = ["GET", "POST"]
    static let itemMethods = ["GET", "PATCH", "DELETE"]

    /// `decodeBeforeSplit` is the `path-decoded-before-split` defect: `%2F` inside an id then
    /// splits it, as a server that decodes the whole path first does.
    static func resolve(method: String, target: String, decodeBeforeSplit: Bool = false) throws(GraphError) -> Route {
        // Cut and split on the ASCII bytes '?' and '/', not on Characters: a request target is
        // ASCII on the wire, and grapheme breaking was the router's largest cost.
        let question = target.utf8.firstIndex(of: UInt8(ascii: "?"))
        let pathPart = target[..<(question ?? target.endIndex)]
        let queryPart = question.map { target[target.utf8.index(after: $0)...] } ?? ""

        let splittable = decodeBeforeSplit ? (PercentEncoding.decode(pathPart) ?? String(pathPart)) : String(pathPart)
        var raw = splittable.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
        if raw.last == "", raw.count > 2 { raw.removeLast() }
        guard raw.first == "" else { throw .routeNotFound(String(pathPart)) }
        var segments: [String] = []
        for segment in raw.dropFirst() {
            guard let decoded = decodeBeforeSplit ? segment : PercentEncoding.decode(segment), !decoded.isEmpty else {
                throw .routeNotFound(String(pathPart))
            }
            segments.append(decoded)
        }

        guard let version = segments.first, isWord(version, "beta") || isWord(version, "v1.0") else {
            throw .routeNotFound(String(pathPart))
        }
        let subject: Route.Subject
        let rest: ArraySlice<String>
        if segments.count >= 2, isWord(segments[1], "me") {
            subject = .me
            rest = segments[2...]
        } else if segments.count >= 3, isWord(segments[1], "users") {
            subject = .user(segments[2])
            rest = segments[3...]
        } else {
            throw .routeNotFound(String(pathPart))
        }
        guard rest.count == 2 || rest.count == 3, isWord(rest[rest.startIndex], "profile"), isWord(rest[rest.startIndex + 1], "positions")
        else { throw .routeNotFound(String(pathPart)) }
        let positionID = rest.count == 3 ? rest.last : nil

        let allowed = positionID == nil ? collectionMethods : itemMethods
        guard allowed.contains(method) else { throw .methodNotAllowed(method, allowed: allowed) }
        return Route(version: segments[0], subject: subject, positionID: positionID, query: parseQuery(queryPart))
    }

    /// Whether `segment` is the fixed segment `word` (lower-case ASCII) in any letter case. ASCII
    /// folding is enough: no fixed segment holds a letter that a non-ASCII character lower-cases to.
    static func isWord(_ segment: String, _ word: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard segment.utf8.count == expected.count else { return false }
        return zip(segment.utf8, expected).allSatisfy { byte, lower in
            byte == lower || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) && byte | 0x20 == lower
        }
    }

    /// `a=b&c=d`, with `+` as space and percent-decoding; undecodable pairs are kept raw.
    static func parseQuery(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let name = pair.prefix { $0 != "=" }
            let value = pair.dropFirst(name.count + 1)
            func decode(_ part: Substring) -> String {
                let spaced = String(decoding: part.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
                return PercentEncoding.decode(spaced) ?? spaced
            }
            return (decode(name), decode(value))
        }
    }
}
