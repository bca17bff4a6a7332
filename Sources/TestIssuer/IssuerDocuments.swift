import Foundation
import JSONShape
import NIOHTTP1

/// What the issuer serves; the issuer URL is known only once the port is bound.
/// Unchecked: `issuer` is guarded by `lock`; `keys` never changes.
final class IssuerDocuments: @unchecked Sendable {
    private let lock = NSLock()
    private var issuerURL = ""
    let keys: [SigningKey]

    var issuer: String {
        get { lock.withLock { issuerURL } }
        set { lock.withLock { issuerURL = newValue } }
    }

    init(keys: [SigningKey]) { self.keys = keys }

    /// Status and JSON body for a GET of `path`.
    func answer(path: String) -> (status: HTTPResponseStatus, body: JSONValue) {
        let issuer = issuer
        switch path {
        case OpenIDConfiguration.discoveryPath:
            return (.ok, OpenIDConfiguration.discovery(issuer: issuer, algorithms: keys.map(\.algorithm)))
        case OpenIDConfiguration.jwksPath:
            return (.ok, OpenIDConfiguration.jwks(keys))
        default:
            return (.notFound, ["error": "not_found", "error_description": "this test issuer serves discovery and keys only; the suite mints tokens itself"])
        }
    }
}
