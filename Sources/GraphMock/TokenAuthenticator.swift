import Foundation
import JSONShape

/// Turns an `Authorization` header into a `Caller`, or the 401 Graph would send.
///
/// Signatures are not checked: this is a test double, and Graph tokens must not be validated by
/// clients anyway (reference §7). Unsigned `alg: none` tokens (`header.payload.`) are accepted.
/// What is checked: scheme (case-insensitive), three base64url parts, a JSON-object payload,
/// `exp`/`nbf` with `clockSkewSeconds` leeway, `aud` against `acceptedAudiences`, and `oid`.
/// A token without `exp` is accepted (lenient; real tokens always carry one).
struct TokenAuthenticator {
    var configuration: MockConfiguration

    func authenticate(_ header: String?, now: Timestamp) throws(GraphError) -> Caller {
        do {
            return try strictAuthenticate(header, now: now.unixSeconds)
        } catch {
            if configuration.has(.authNotChecked) { return .defaultUser }
            if configuration.has(.noWWWAuthenticate) {
                var bare = error
                bare.headers.removeAll { $0.0 == "WWW-Authenticate" }
                throw bare
            }
            throw error
        }
    }

    private func strictAuthenticate(_ header: String?, now: Int64) throws(GraphError) -> Caller {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { throw .tokenEmpty }
        let scheme = header.prefix { $0 != " " }
        let schemeMatches = configuration.has(.lowercaseBearerRejected)
            ? scheme == "Bearer" : scheme.lowercased() == "bearer"
        guard schemeMatches else { throw .tokenEmpty }
        let token = header.dropFirst(scheme.count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw .tokenEmpty }

        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            let headerBytes = Base64URL.decode(parts[0]), case .object? = try? JSONParser.value(headerBytes),
            let payloadBytes = Base64URL.decode(parts[1]), case .object(let claims)? = try? JSONParser.value(payloadBytes),
            parts[2].isEmpty || Base64URL.decode(parts[2]) != nil
        else { throw .tokenMalformed }

        // Compared as Double: a hostile `exp` such as 1e300 must not trap an Int64 conversion.
        let skew = Double(configuration.clockSkewSeconds), now = Double(now)
        if !configuration.has(.expiredTokenAccepted), let exp = claims["exp"]?.numberValue?.double,
            exp + skew < now
        {
            throw .tokenExpired
        }
        if !configuration.has(.notYetValidAccepted), let nbf = claims["nbf"]?.numberValue?.double,
            nbf - skew > now
        {
            throw .tokenNotYetValid
        }
        if !configuration.has(.wrongAudienceAccepted) {
            let audiences: [String] = switch claims["aud"] {
            case .string(let single)?: [single]
            case .array(let many)?: many.compactMap(\.stringValue)
            default: []
            }
            guard audiences.contains(where: configuration.acceptedAudiences.contains) else { throw .tokenWrongAudience }
        }
        guard let oid = claims["oid"]?.stringValue, !oid.isEmpty else { throw .tokenWithoutOID }

        let scopes = claims["scp"]?.stringValue
        let isAppOnly = scopes == nil
        let permissions: Set<String> = if let scopes {
            Set(scopes.split(separator: " ").map(String.init))
        } else {
            Set(claims["roles"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        let upn = ["upn", "preferred_username", "unique_name"].lazy.compactMap { claims[$0]?.stringValue }.first
        return Caller(
            objectID: oid,
            userPrincipalName: isAppOnly ? nil : upn,
            displayName: (isAppOnly ? claims["app_displayname"] : claims["name"])?.stringValue,
            appID: (claims["appid"] ?? claims["azp"])?.stringValue,
            isAppOnly: isAppOnly,
            permissions: permissions)
    }
}

/// Unpadded base64url (RFC 4648 §5), as JWT segments use.
enum Base64URL {
    static func decode(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !base64.contains("=") || base64.hasSuffix("=") else { return nil }
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return Array(data)
    }
}
