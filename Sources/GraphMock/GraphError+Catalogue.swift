/// The errors the mock can produce, with the codes and messages of reference §4.3.
///
/// Where the reference leaves a code open, the choice is written next to the factory.
extension GraphError {
    /// Graph's challenge for every 401 (reference §4.3).
    static let wwwAuthenticate =
        #"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000""#

    static func unauthenticated(_ message: String) -> GraphError {
        GraphError(
            status: 401, code: "InvalidAuthenticationToken", message: message,
            headers: [("WWW-Authenticate", wwwAuthenticate)])
    }

    static let tokenEmpty = unauthenticated("Access token is empty.")
    /// 80049217 is the code Graph reports for a token that is not a compact JWS.
    static let tokenMalformed = unauthenticated("CompactToken parsing failed with error code: 80049217")
    static let tokenExpired = unauthenticated("Lifetime validation failed, the token is expired.")
    static let tokenNotYetValid = unauthenticated("Lifetime validation failed, the token is not yet valid.")
    static let tokenWrongAudience = unauthenticated("Access token validation failure. Invalid audience.")
    static let tokenWithoutOID = unauthenticated("Access token validation failure. The token has no oid claim.")

    /// For the `patch-server-error` defect: a transient-looking failure without Retry-After.
    static let internalServerError = GraphError(
        status: 500, code: "generalException", message: "An internal server error occurred.")

    static let meRequiresDelegated = GraphError(
        status: 400, code: "BadRequest", message: "/me request is only valid with delegated authentication flow.")

    static let accessDenied = GraphError(
        status: 403, code: "accessDenied", message: "Insufficient privileges to complete the operation.")

    /// A delegated token without a granting scope: 403, or 401 with the challenge (`scope-denial-401`,
    /// reference §8.12).
    static func scopeDenied(_ variants: Set<MockVariant>) -> GraphError {
        guard variants.contains(.scopeDenial401) else { return accessDenied }
        return unauthenticated("Access token validation failure. Insufficient privileges to complete the operation.")
    }

    /// An app-only token on `/users/...`: 403 by default; 400 or 401 under a variant (§8.3, undocumented).
    static func appOnlyDenied(_ variants: Set<MockVariant>) -> GraphError {
        if variants.contains(.appOnly400) {
            return GraphError(
                status: 400, code: "BadRequest",
                message: "This operation is only valid with delegated authentication flow.")
        }
        if variants.contains(.appOnly401) {
            return unauthenticated("Access token validation failure. Application permissions are not supported for this operation.")
        }
        return accessDenied
    }

    /// Directory wording for an unknown user, as Graph answers `/users/{id}` lookups.
    static func userNotFound(_ key: String) -> GraphError {
        GraphError(
            status: 404, code: "Request_ResourceNotFound",
            message: "Resource '\(key)' does not exist or one of its queried reference-property objects are not present.")
    }

    static func positionNotFound(_ id: String) -> GraphError {
        GraphError(status: 404, code: "itemNotFound", message: "The requested workPosition '\(id)' was not found.")
    }

    /// Real Graph answers unknown segments with 400; the suite's contract asks for 404 (documented choice).
    static func routeNotFound(_ path: String) -> GraphError {
        GraphError(status: 404, code: "itemNotFound", message: "Resource not found for the segment path '\(path)'.")
    }

    static func methodNotAllowed(_ method: String, allowed: [String]) -> GraphError {
        GraphError(
            status: 405, code: "methodNotAllowed",
            message: "The HTTP method '\(method)' is not allowed on this resource.",
            headers: [("Allow", allowed.joined(separator: ", "))])
    }

    static func unsupportedMediaType(_ contentType: String?, variants: Set<MockVariant> = []) -> GraphError {
        if variants.contains(.unsupportedMedia400) {
            return GraphError(
                status: 400, code: "BadRequest",
                message: "Content-Type '\(contentType ?? "")' is not supported; send application/json.")
        }
        return GraphError(
            status: 415, code: "UnsupportedMediaType",
            message: "Content-Type '\(contentType ?? "")' is not supported; send application/json.")
    }

    static func payloadTooLarge(limit: Int) -> GraphError {
        GraphError(
            status: 413, code: "RequestEntityTooLarge",
            message: "The request body exceeds the maximum allowed size of \(limit) bytes.")
    }

    /// Graph's wording for an unreadable body.
    static func unreadableJSON(_ detail: String) -> GraphError {
        GraphError(
            status: 400, code: "BadRequest",
            message: "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format. (\(detail))")
    }

    /// `read-only-rejected`: a server-managed member in a request body.
    static func readOnlyProperty(_ name: String) -> GraphError {
        .invalidRequest("The property '\(name)' is read-only and cannot be set by the client.")
    }

    static func invalidRequest(_ message: String) -> GraphError {
        GraphError(status: 400, code: "invalidRequest", message: message)
    }

    static func badQuery(_ message: String) -> GraphError {
        GraphError(status: 400, code: "BadRequest", message: message)
    }

    static func throttled(retryAfter: Int, sendHeader: Bool) -> GraphError {
        GraphError(
            status: 429, code: "TooManyRequests",
            message: "Too many requests. Retry after \(retryAfter) seconds.",
            headers: sendHeader ? [("Retry-After", String(retryAfter))] : [])
    }

    /// `rejects-accept-wildcard`: what a server that insists on its own media type answers.
    static func notAcceptable(_ accept: String) -> GraphError {
        GraphError(status: 406, code: "NotAcceptable", message: "Accept '\(accept)' is not supported; send application/json.")
    }

    /// `rejects-unknown-headers`: what a workload that errors on unexpected headers answers.
    static func unsupportedHeader(_ name: String) -> GraphError {
        .invalidRequest("The request header '\(name)' is not supported.")
    }
}
