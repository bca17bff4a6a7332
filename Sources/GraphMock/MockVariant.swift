/// One behaviour a *conforming* server may legitimately show where the reference leaves room
/// (§3.5, §4, §5, §6, §8) and the mock otherwise makes one particular choice.
///
/// Unlike `MockDefect`, a variant keeps the documented contract intact: the catalogue must pass
/// against the clean mock under every variant, alone or combined, which proves that no case
/// depends on the mock's own choices. Variants are independent; where two of them pick the same
/// knob (`header-case-lower` with `header-case-upper`, the three timestamp styles) the rule is
/// written on the knob.
public enum MockVariant: String, Sendable, CaseIterable {
    // Transport and headers (§4.2)
    case headerCaseLower = "header-case-lower"
    case headerCaseUpper = "header-case-upper"
    case chunked = "chunked"
    case gzipWhenAsked = "gzip-when-asked"
    case noODataContext = "no-odata-context"
    case noCacheControl = "no-cache-control"
    case noGraphDiagnostics = "no-graph-diagnostics"
    case mediaTypeVariants = "media-type-variants"
    case clientRequestIDOnlyEchoed = "client-request-id-only-echoed"
    // JSON representation (§3.5, §3.6, §5)
    case shuffledMembers = "shuffled-members"
    case extraProperties = "extra-properties"
    case odataAnnotations = "odata-annotations"
    case timestampsMillis = "timestamps-millis"
    case timestampsSeconds = "timestamps-seconds"
    case timestampsOffset = "timestamps-offset"
    case opaqueIDs = "opaque-ids"
    case serverPaging = "server-paging"
    // Status codes where the docs leave room (§4.3, §8.3, §8.4, §8.10, §8.12)
    case scopeDenial401 = "scope-denial-401"
    case appOnly401 = "app-only-401"
    case appOnly400 = "app-only-400"
    case unsupportedMedia400 = "unsupported-media-400"
    case readOnlyRejected = "read-only-rejected"
    case errorCodesAlt = "error-codes-alt"
    case innerErrorMinimal = "inner-error-minimal"
    case throttle = "throttle"
    // Isolation (§9.2)
    case crossTenant403 = "cross-tenant-403"

    /// One line for `serve --list-variants`: what the mock does differently, still conforming.
    public var summary: String {
        switch self {
        case .headerCaseLower: "every response header name is lower-cased (HTTP/2 style: content-type, request-id, …)"
        case .headerCaseUpper: "every response header name is upper-cased (CONTENT-TYPE, REQUEST-ID, …)"
        case .chunked: "responses with a body use Transfer-Encoding: chunked (several chunks) instead of Content-Length"
        case .gzipWhenAsked: "bodies are gzip-encoded (Content-Encoding: gzip, Vary: Accept-Encoding) when Accept-Encoding allows gzip"
        case .noODataContext: "no @odata.context in bodies and no OData-Version header"
        case .noCacheControl: "successful responses carry no Cache-Control header"
        case .noGraphDiagnostics: "no x-ms-ags-diagnostic and no Strict-Transport-Security header (Graph-specific extras)"
        case .mediaTypeVariants: "Content-Type parameters reordered and spaced; errors say application/json; charset=utf-8"
        case .clientRequestIDOnlyEchoed: "client-request-id is sent only when the client sent one (also in innerError)"
        case .shuffledMembers: "JSON object members in reverse order at every level (annotations stay first)"
        case .extraProperties:
            "entities (incl. the open identitySets) and error bodies carry undeclared members a newer Graph might add, one of them (revision) changing on every PATCH"
        case .odataAnnotations: "entities carry @odata.type and @odata.etag control information"
        case .timestampsMillis: "Edm.DateTimeOffset values rendered with 3 fractional digits; each write advances the clock ≥ 1 ms"
        case .timestampsSeconds: "Edm.DateTimeOffset values stored and rendered at whole seconds (no fraction); never backwards"
        case .timestampsOffset: "Edm.DateTimeOffset values end in +00:00 instead of Z"
        case .opaqueIDs: "position ids are base64-like strings with '/', '+' and '=' (percent-encoded in paths), not GUIDs"
        case .serverPaging: "lists return one item per page with @odata.nextLink (server-driven paging)"
        case .scopeDenial401: "a valid token lacking the scope is answered 401 with the Bearer challenge instead of 403"
        case .appOnly401: "app-only tokens on /users/{id}/profile/positions are answered 401 instead of 403"
        case .appOnly400: "app-only tokens on /users/{id}/profile/positions are answered 400 instead of 403"
        case .unsupportedMedia400: "a missing or non-JSON Content-Type is answered 400 instead of 415"
        case .readOnlyRejected: "read-only members (id, createdBy, createdDateTime, lastModifiedBy, lastModifiedDateTime, …) in a body are answered 400 instead of ignored"
        case .errorCodesAlt: "other documented-style error codes and messages (ResourceNotFound, BadRequest, Authorization_RequestDenied, …), no innerError"
        case .innerErrorMinimal: "innerError as older bodies show it: date and request-id only"
        case .throttle: "every 7th request is answered 429 with Retry-After: 1 (the next one passes)"
        case .crossTenant403: "a caller of another tenant naming this tenant's user is answered 403 instead of 404"
        }
    }
}

extension Set where Element == MockVariant {
    /// The timestamp text style the set asks for (§3.5): fraction digits and offset suffix.
    var timestampStyle: TimestampStyle {
        var style = TimestampStyle()
        if contains(.timestampsSeconds) {
            style.fractionDigits = 0
        } else if contains(.timestampsMillis) {
            style.fractionDigits = 3
        }
        if contains(.timestampsOffset) { style.offset = "+00:00" }
        return style
    }
}

/// How `Edm.DateTimeOffset` values are written: 7 digits and `Z` unless a variant says otherwise.
struct TimestampStyle: Sendable, Equatable {
    var fractionDigits = 7
    var offset = "Z"

    var isCanonical: Bool { self == TimestampStyle() }

    /// Rewrites a stored canonical value (`YYYY-MM-DDTHH:MM:SS[.fffffff]Z`); anything else (a value
    /// a defect let a client store) is returned unchanged. Truncates, so the same stored value
    /// always renders the same text and order is kept.
    func render(_ stored: String) -> String {
        guard !isCanonical, stored.hasSuffix("Z"), stored.count >= 20 else { return stored }
        let body = stored.dropLast()
        let seconds = body.prefix(19)
        guard seconds.dropFirst(10).first == "T" else { return stored }
        var fraction = body.dropFirst(19).hasPrefix(".") ? String(body.dropFirst(20)) : ""
        guard fraction.allSatisfy(\.isNumber) else { return stored }
        if fraction.count < fractionDigits { fraction += String(repeating: "0", count: fractionDigits - fraction.count) }
        fraction = String(fraction.prefix(fractionDigits))
        return seconds + (fraction.isEmpty ? "" : "." + fraction) + offset
    }
}
