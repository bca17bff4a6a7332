import CurlClient
import Foundation
import JSONShape
import TestIssuer

/// What an OpenID Connect authority publishes, fetched the way a token validator fetches it:
/// `{issuer}/.well-known/openid-configuration`, then its `jwks_uri` (Discovery 1.0 §4).
/// Sends no credentials; only public documents are read.
public struct IssuerDiscovery: Sendable {
    public var issuer: String
    public var jwksURI: String
    /// The published keys the suite can verify with.
    public var keys: [JWK]

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Fetches discovery and the JWKS; the `issuer` member must equal `url` (Discovery 1.0 §4.3).
    public static func fetch(_ url: String, options: TransferOptions = TransferOptions()) throws(Failure) -> IssuerDiscovery {
        let issuer = url.hasSuffix("/") ? String(url.dropLast()) : url
        let discoveryURL = issuer + OpenIDConfiguration.discoveryPath
        let document = try getJSON(discoveryURL, options: options)
        guard let published = document["issuer"]?.stringValue, let jwksURI = document["jwks_uri"]?.stringValue else {
            throw Failure(message: "\(discoveryURL) has no issuer or jwks_uri member")
        }
        guard published == issuer || published == url else {
            throw Failure(message: "\(discoveryURL) names issuer '\(published)', not '\(issuer)' (OpenID Connect Discovery §4.3)")
        }
        let jwks = try getJSON(jwksURI, options: options)
        let keys = (jwks["keys"]?.arrayValue ?? []).compactMap(JWK.init(json:))
        guard !keys.isEmpty else { throw Failure(message: "\(jwksURI) publishes no RSA or EC P-256 key") }
        return IssuerDiscovery(issuer: published, jwksURI: jwksURI, keys: keys)
    }

    /// Fails unless the issuer publishes `key`'s public half under its thumbprint.
    public func requirePublishes(_ key: SigningKey, path: String) throws(Failure) {
        guard let jwk = key.publicJWK else {
            throw Failure(message: "an HS256 secret cannot be checked against an issuer's JWKS; use --signing-key with the issuer's private key")
        }
        guard keys.contains(where: { $0.requiredMembers == jwk.requiredMembers }) else {
            throw Failure(message: "the issuer \(issuer) does not publish the key in \(path) (kid \(key.keyID)); start it with `graph-conformance issuer --key \(path)`")
        }
    }

    static func getJSON(_ url: String, options: TransferOptions) throws(Failure) -> JSONValue {
        let response: HTTPResponse
        do {
            let session = try CurlSession()
            response = try session.perform(HTTPRequest(method: "GET", url: url, headers: [HTTPHeader(name: "Accept", value: "application/json")]), options: options)
        } catch {
            throw Failure(message: "cannot fetch \(url): \(error)")
        }
        guard response.status == 200 else { throw Failure(message: "\(url) answered \(response.status)") }
        guard let value = try? JSONParser.value(response.body) else { throw Failure(message: "\(url) is not JSON") }
        return value
    }
}
