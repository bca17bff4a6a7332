import CurlClient
import Foundation
import TestIssuer

/// Counts the requests sent with a principal's valid token and how many of them got 401, so a
/// target that rejects the suite's tokens altogether is reported once, as one cause, instead of
/// as a 401 in every authenticated case.
final class TokenRejectionTally: @unchecked Sendable {
    private let lock = NSLock()
    private let validTokens: Set<String>
    private var authenticated = 0
    private var rejected = 0

    init(tokens: [String: String]) {
        validTokens = Set(tokens.values)
    }

    /// Notes one answered request; only those carrying a principal's own token count.
    func record(_ request: HTTPRequest, status: Int) {
        guard let authorization = request.headers.last(where: { $0.name.caseInsensitiveCompare("Authorization") == .orderedSame })?.value,
            let space = authorization.firstIndex(of: " "),
            validTokens.contains(String(authorization[authorization.index(after: space)...]))
        else { return }
        lock.withLock {
            authenticated += 1
            if status == 401 { rejected += 1 }
        }
    }

    /// One line when every authenticated request (at least `minimum`) was refused, else nil.
    func diagnosis(minter: TokenMinter, minimum: Int = 3) -> String? {
        let (authenticated, rejected) = lock.withLock { (self.authenticated, self.rejected) }
        guard authenticated >= minimum, rejected == authenticated else { return nil }
        let cause = if minter.isSigning {
            "it does not accept the suite's signed tokens: check that it trusts the issuer '\(minter.issuer)' and its key (kid \(minter.signingKey?.keyID ?? "?"))"
        } else {
            "it rejects the suite's tokens; minted tokens are unsigned, so a server that verifies signatures needs --signing-key or --issuer (README, \"Servers that verify tokens\")"
        }
        return "all \(authenticated) requests sent with a principal's valid token got 401: \(cause)"
    }
}
