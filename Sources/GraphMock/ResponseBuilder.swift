import Foundation
import Identifiers
import JSONShape

/// Adds the headers Graph puts on every response (reference §4.2) and renders error bodies.
///
/// All responses: `request-id`, `client-request-id` (echo, else = request-id), `Date`,
/// `Strict-Transport-Security`, `x-ms-ags-diagnostic`. Success: `OData-Version: 4.0`,
/// `Cache-Control: no-cache` and, with a body, the OData JSON media type. Errors: plain
/// `application/json` and `{"error":{code,message,innerError:{date,request-id,client-request-id}}}`.
///
/// Variants that only change the wire form (member order, header-name case, gzip, chunked
/// framing, error codes) are applied here, once, after the body is built.
struct ResponseBuilder {
    static let odataContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
    /// The same media type as `odataContentType`, parameters reordered and spaced (`media-type-variants`).
    static let odataContentTypeVariant =
        "application/json; charset=utf-8; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false"
    static let diagnostic =
        #"{"ServerInfo":{"DataCenter":"Mock","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"graphmock"}}"#

    var exchange: Exchange
    var defect: MockDefect?
    var variants: Set<MockVariant> = []

    func success(_ outcome: Success) -> MockResponse {
        var headers = commonHeaders(clientID: echoedClientRequestID)
        if !variants.contains(.noODataContext) { headers.append(("OData-Version", "4.0")) }
        if !variants.contains(.noCacheControl) { headers.append(("Cache-Control", "no-cache")) }
        var body: [UInt8] = []
        if let json = outcome.body {
            let mediaType = variants.contains(.mediaTypeVariants) ? Self.odataContentTypeVariant : Self.odataContentType
            headers.append(("Content-Type", defect == .contentTypeNotJSON ? "text/plain; charset=utf-8" : mediaType))
            body = shaped(json).utf8Bytes
        }
        headers.append(contentsOf: outcome.headers)
        return finish(MockResponse(status: outcome.status, headers: headers, body: body))
    }

    func failure(_ error: GraphError) -> MockResponse {
        let clientID = echoedClientRequestID
        var headers = commonHeaders(clientID: clientID)
        headers.append(contentsOf: error.headers)
        if defect == .errorBodyNotJSON {
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
            let prose = "Error \(error.status) \(error.code): \(error.message)\n"
            return finish(MockResponse(status: error.status, headers: headers, body: Array(prose.utf8)))
        }
        headers.append(("Content-Type", variants.contains(.mediaTypeVariants) ? "application/json; charset=utf-8" : "application/json"))
        var code = error.code, message = error.message
        if variants.contains(.errorCodesAlt) { (code, message) = Self.alternative(for: error) }
        var members = JSONObject([("code", .string(code)), ("message", .string(message))])
        if !variants.contains(.errorCodesAlt) {
            var inner = JSONObject([("date", .string(exchange.now.innerErrorDate)), ("request-id", .string(exchange.requestID))])
            if !variants.contains(.innerErrorMinimal), let clientID { inner["client-request-id"] = .string(clientID) }
            if variants.contains(.extraProperties) { inner["x-ms-extra"] = "graphmock-extra" }
            members["innerError"] = .object(inner)
        }
        if variants.contains(.extraProperties) {
            members["details"] = []
            members["target"] = .null
        }
        let body: JSONValue = ["error": .object(members)]
        return finish(MockResponse(status: error.status, headers: headers, body: shaped(body).utf8Bytes))
    }

    /// nil when the `client-request-id-only-echoed` variant is on and the client sent none.
    private var echoedClientRequestID: String? {
        if defect == .clientRequestIDNotEchoed { return RandomUUID.string() }
        if variants.contains(.clientRequestIDOnlyEchoed), !exchange.clientSentRequestID { return nil }
        return exchange.clientRequestID
    }

    private func commonHeaders(clientID: String?) -> [(String, String)] {
        var headers: [(String, String)] = []
        if defect != .requestIDMissing { headers.append(("request-id", exchange.requestID)) }
        if let clientID { headers.append(("client-request-id", clientID)) }
        headers.append(("Date", exchange.now.httpDate))
        if !variants.contains(.noGraphDiagnostics) {
            headers.append(("Strict-Transport-Security", "max-age=31536000"))
            headers.append(("x-ms-ags-diagnostic", Self.diagnostic))
        }
        return headers
    }

    /// Member order of the body (`shuffled-members`).
    private func shaped(_ body: JSONValue) -> JSONValue {
        variants.contains(.shuffledMembers) ? body.reversingMembers() : body
    }

    /// Content coding, framing and header-name case: the last things to change on the way out.
    private func finish(_ response: MockResponse) -> MockResponse {
        var response = response
        if variants.contains(.gzipWhenAsked) {
            response.headers.append(("Vary", "Accept-Encoding"))
            if exchange.acceptsGzip, !response.body.isEmpty {
                response.body = Gzip.encode(response.body)
                response.headers.append(("Content-Encoding", "gzip"))
            }
        }
        if variants.contains(.chunked), !response.body.isEmpty {
            response.headers.append(("Transfer-Encoding", "chunked"))
        }
        response.headers = response.headers.map { (variants.casedHeaderName($0.0), $0.1) }
        return response
    }

    /// `error-codes-alt`: another documented-style code and message for the same status.
    static func alternative(for error: GraphError) -> (code: String, message: String) {
        switch error.code {
        case "itemNotFound", "Request_ResourceNotFound":
            ("ResourceNotFound", "Resource not found.")
        case "invalidRequest":
            ("BadRequest", "Invalid request.")
        case "BadRequest":
            ("invalidRequest", "The request is malformed or incorrect.")
        case "accessDenied":
            ("Authorization_RequestDenied", "Access is denied. Check credentials and try again.")
        case "methodNotAllowed":
            ("MethodNotAllowed", "The HTTP method is not supported by this resource.")
        case "UnsupportedMediaType":
            ("invalidRequest", "The request content type is not supported.")
        case "RequestEntityTooLarge":
            ("requestTooLarge", "The request is too large.")
        case "TooManyRequests":
            ("activityLimitReached", "The application or user has been throttled.")
        case "generalException":
            ("InternalServerError", "An unspecified error occurred.")
        default:
            // InvalidAuthenticationToken is the only code documented for the 401s (§4.3).
            (error.code, error.message.isEmpty ? "Error." : "Request failed: " + error.message)
        }
    }
}

extension Set where Element == MockVariant {
    /// A header name as the header-case variants write it (`header-case-lower` wins over upper).
    func casedHeaderName(_ name: String) -> String {
        if contains(.headerCaseLower) { return name.lowercased() }
        if contains(.headerCaseUpper) { return name.uppercased() }
        return name
    }
}

extension JSONValue {
    /// The same value with every object's members in reverse order, at every level; instance
    /// annotations (`@odata.context`, …) stay first, as OData JSON streaming requires.
    func reversingMembers() -> JSONValue {
        switch self {
        case .object(let object):
            let transformed = object.members.map { (key: $0.key, value: $0.value.reversingMembers()) }
            let annotations = transformed.filter { $0.key.hasPrefix("@") }
            let rest = transformed.filter { !$0.key.hasPrefix("@") }
            return .object(JSONObject(annotations + rest.reversed()))
        case .array(let elements):
            return .array(elements.map { $0.reversingMembers() })
        default:
            return self
        }
    }
}
