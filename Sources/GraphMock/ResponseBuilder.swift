import Foundation
import JSONShape

/// Adds the headers Graph puts on every response (reference §4.2) and renders error bodies.
///
/// All responses: `request-id`, `client-request-id` (echo, else = request-id), `Date`,
/// `Strict-Transport-Security`, `x-ms-ags-diagnostic`. Success: `OData-Version: 4.0`,
/// `Cache-Control: no-cache` and, with a body, the OData JSON media type. Errors: plain
/// `application/json` and `{"error":{code,message,innerError:{date,request-id,client-request-id}}}`.
struct ResponseBuilder {
    static let odataContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
    static let diagnostic =
        #"{"ServerInfo":{"DataCenter":"Mock","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"graphmock"}}"#

    var exchange: Exchange
    var defect: MockDefect?

    func success(_ outcome: Success) -> MockResponse {
        var headers = commonHeaders(clientID: echoedClientRequestID)
        headers.append(("OData-Version", "4.0"))
        headers.append(("Cache-Control", "no-cache"))
        var body: [UInt8] = []
        if let json = outcome.body {
            headers.append(("Content-Type", defect == .contentTypeNotJSON ? "text/plain; charset=utf-8" : Self.odataContentType))
            body = json.utf8Bytes
        }
        headers.append(contentsOf: outcome.headers)
        return MockResponse(status: outcome.status, headers: headers, body: body)
    }

    func failure(_ error: GraphError) -> MockResponse {
        let clientID = echoedClientRequestID
        var headers = commonHeaders(clientID: clientID)
        headers.append(contentsOf: error.headers)
        if defect == .errorBodyNotJSON {
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
            let prose = "Error \(error.status) \(error.code): \(error.message)\n"
            return MockResponse(status: error.status, headers: headers, body: Array(prose.utf8))
        }
        headers.append(("Content-Type", "application/json"))
        let inner: JSONValue = [
            "date": .string(exchange.now.innerErrorDate),
            "request-id": .string(exchange.requestID),
            "client-request-id": .string(clientID),
        ]
        let body: JSONValue = ["error": ["code": .string(error.code), "message": .string(error.message), "innerError": inner]]
        return MockResponse(status: error.status, headers: headers, body: body.utf8Bytes)
    }

    private var echoedClientRequestID: String {
        defect == .clientRequestIDNotEchoed ? UUID().uuidString.lowercased() : exchange.clientRequestID
    }

    private func commonHeaders(clientID: String) -> [(String, String)] {
        var headers: [(String, String)] = []
        if defect != .requestIDMissing { headers.append(("request-id", exchange.requestID)) }
        headers.append(("client-request-id", clientID))
        headers.append(("Date", exchange.now.httpDate))
        headers.append(("Strict-Transport-Security", "max-age=31536000"))
        headers.append(("x-ms-ags-diagnostic", Self.diagnostic))
        return headers
    }
}
