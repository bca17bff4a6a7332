import Foundation
import JSONShape

/// Turns an `Authorization` header into a `Caller`, or the 401 Graph would send.
///
/// Signatures are not checked unless `tokenVerification` is set (`serve --verify-issuer`): this is
/// a test double, and Graph tokens must not be validated by clients anyway (reference §7).
/// Unsigned `alg: none` tokens (`header.payload.`) are then accepted; in verifying mode they get 401.
/// What is checked: scheme (case-insensitive), three base64url parts, a JSON-object payload,
/// `exp`/`nbf` with `clockSkewSeconds` leeway, `aud` against `acceptedAudiences`, and `oid`.
/// A token without `exp` is accepted (lenient; real tokens always carry one).
struct TokenAuthenticator {
    var configuration: MockConfiguration
    /// Decoded claims by token text, shared by the server's requests (nil: decode every time).
    var claimsCache: TokenClaimsCache? = nil

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
        guard let header = header?[...].trimmingBlanks(), !header.isEmpty else { throw .tokenEmpty }
        let scheme = header.prefix { $0 != " " }
        let schemeMatches = configuration.has(.lowercaseBearerRejected)
            ? scheme == "Bearer" : scheme.lowercased() == "bearer"
        guard schemeMatches else { throw .tokenEmpty }
        let token = header.dropFirst(scheme.count).trimmingBlanks()
        guard !token.isEmpty else { throw .tokenEmpty }

        let decoded = claimsCache.map { $0.claims(of: token, decode: Self.decodeClaims) } ?? Self.decodeClaims(token)
        guard let claims = decoded else { throw .tokenMalformed }
        if let verification = configuration.tokenVerification {
            try verification.check(token, claims: claims, skipSignature: configuration.has(.skipsSignatureCheck))
        }

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
            permissions: permissions,
            tenantID: claims["tid"]?.stringValue?.lowercased() ?? "")
    }

    /// The payload's claims when the token is three base64url parts whose first two are JSON
    /// objects; nil when it is malformed.
    static func decodeClaims(_ token: Substring) -> JSONObject? {
        // Split on the bytes: a Character-wise split walked grapheme breaks over the whole token.
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Substring($0) }
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            let headerBytes = Base64URL.decode(parts[0]), case .object? = try? JSONParser.value(headerBytes),
            let payloadBytes = Base64URL.decode(parts[1]), case .object(let claims)? = try? JSONParser.value(payloadBytes),
            parts[2].isEmpty || Base64URL.decode(parts[2]) != nil
        else { return nil }
        return claims
    }
}

/// Unpadded base64url (RFC 4648 §5), as JWT segments use.
///
/// Decoded by hand on the UTF-8 bytes: going through `replacingOccurrences` and
/// `Data(base64Encoded:)` bridged every token segment to NSString and was most of the mock's CPU.
/// Accepts what the Foundation path accepted (checked against it on 200,000 random strings): the
/// base64url alphabet and also `+` and `/`, any `=` padding only at the end, non-zero leftover
/// bits; rejects other bytes and a length that leaves one stray character. (Only an all-`=`
/// segment differs: `[]` instead of Foundation's `[0]`; neither is a JSON object.)
enum Base64URL {
    private static let table: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8.enumerated() {
            table[Int(byte)] = Int8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        table[Int(UInt8(ascii: "/"))] = 63
        return table
    }()

    static func decode(_ text: Substring) -> [UInt8]? {
        var utf8 = text.utf8[...]
        // `=` only at the end, in any number (Foundation accepted surplus padding too).
        while utf8.last == UInt8(ascii: "=") { utf8 = utf8.dropLast() }
        let count = utf8.count
        guard count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in utf8 {
            let value = table[Int(byte)]
            guard value >= 0 else { return nil }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }
}
