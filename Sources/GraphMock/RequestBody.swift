import Foundation
import JSONShape

/// Reads a POST/PATCH body: media type, JSON syntax, top-level object.
///
/// A missing or non-JSON `Content-Type` gets 415 (400 under `unsupported-media-400`; documented choice; Graph's exact status is not
/// documented). Parsing is bounded at depth 64 so a hostile body cannot exhaust the stack; a body
/// that is not JSON, too deep, not an object, or repeats a member name gets 400 `BadRequest`.
enum RequestBody {
    static let maxDepth = 64

    static func decode(_ request: MockRequest, defect: MockDefect?, variants: Set<MockVariant> = []) throws(GraphError) -> JSONObject {
        if defect != .contentTypeNotChecked {
            let contentType = request.header("Content-Type")
            let mediaType = contentType?.split(separator: ";", maxSplits: 1).first
                .map { $0.trimmingBlanks().lowercased() }
            guard mediaType == "application/json" else { throw .unsupportedMediaType(contentType, variants: variants) }
            if defect == .rejectsCharsetContentType, contentType?.contains(";") == true {
                throw .unsupportedMediaType(contentType, variants: variants)
            }
        }
        if defect == .rejectsEscapedUnicode, request.body.indices.dropLast().contains(where: {
            request.body[$0] == UInt8(ascii: "\\") && request.body[$0 + 1] == UInt8(ascii: "u")
        }) {
            throw .unreadableJSON("\\u escapes are not supported")
        }
        let parsed: JSONParser.Result
        do {
            parsed = try JSONParser.parse(request.body, maxDepth: maxDepth)
        } catch {
            if defect == .malformedJSONAccepted { return JSONObject() }
            throw .unreadableJSON(error.description)
        }
        guard case .object(let object) = parsed.value else {
            throw .unreadableJSON("the body must be a JSON object, got \(parsed.value.typeName)")
        }
        if let duplicate = parsed.duplicateKeys.first {
            throw .unreadableJSON("member '\(duplicate.key)' occurs more than once in '\(duplicate.object)'")
        }
        return object
    }
}
