import CurlClient
import Foundation
import TestIssuer

/// Counts the requests sent with a principal's valid token and how many of them got 401, so a
/// target that rejects the suite's tokens altogether is reported once, as one cause, instead of
/// as a 401 in every authenticated case.
final class TokenRejectionTally: @unchecked Sendable {
    private let lock = NSLock()
    /// A handful of tokens compared byte-wise: hashing a kilobyte of JWT per request cost more.
    private let validTokens: [[UInt8]]
    private var authenticated = 0
    private var rejected = 0

    init(tokens: [String: String]) {
        validTokens = Set(tokens.values).map { Array($0.utf8) }
    }

    /// Notes one answered request; only those carrying a principal's own token count.
    func record(_ request: HTTPRequest, status: Int) {
        guard var authorization = request.headers.last(where: { $0.hasName("Authorization") })?.value else { return }
        let valid = authorization.withUTF8 { value in
            guard let space = value.firstIndex(of: UInt8(ascii: " ")) else { return false }
            let credential = UnsafeBufferPointer(rebasing: value[(space + 1)...])
            return validTokens.contains { token in
                token.count == credential.count && token.withUnsafeBufferPointer { own in
                    guard let mine = own.baseAddress, let theirs = credential.baseAddress else { return own.isEmpty }
                    return memcmp(mine, theirs, own.count) == 0
                }
            }
        }
        guard valid else { return }
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
