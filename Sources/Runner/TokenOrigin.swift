import Foundation

/// The one rule for where a bearer token may go: only to the target's origin (scheme, host and
/// effective port, RFC 6454 §4). Redirects are never followed (`TransferOptions.followRedirects`
/// stays off), and every URL the suite did not build itself — an `@odata.nextLink` in a case or in
/// `cleanup` — passes through `allows` before a request carrying Authorization is sent.
public struct TokenOrigin: Sendable, Equatable {
    public let scheme: String
    public let host: String
    public let port: Int
    /// `scheme://host:port/` and, for the scheme's default port, `scheme://host/`: a URL that
    /// starts with one of these has this origin (the authority ends at that "/"), so `allows`
    /// need not parse it. Parsing every request's URL with URLComponents was 3% of a run's CPU.
    private let prefixes: [String]

    /// nil when `baseURL` is not an absolute http(s) URL with a host.
    public init?(baseURL: String) {
        guard let components = URLComponents(string: baseURL), let origin = Self.origin(components) else { return nil }
        self = origin
    }

    private init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
        let defaultPort = scheme == "https" ? 443 : 80
        prefixes = ["\(scheme)://\(host):\(port)/"] + (port == defaultPort ? ["\(scheme)://\(host)/"] : [])
    }

    /// True when `url` has exactly this origin; anything unparsable is refused.
    public func allows(_ url: String) -> Bool {
        // Only plain URLs take the short cut; anything odd (spaces, backslashes, non-ASCII) is
        // judged by the parser as before.
        if prefixes.contains(where: { url.utf8.starts(with: $0.utf8) }),
            !url.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\\") })
        {
            return true
        }
        guard let components = URLComponents(string: url), let other = Self.origin(components) else { return false }
        return other == self
    }

    /// `http(s)://host[:port]` with the default port made explicit, so `:443` and no port agree.
    private static func origin(_ components: URLComponents) -> TokenOrigin? {
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        return TokenOrigin(scheme: scheme, host: host, port: components.port ?? (scheme == "https" ? 443 : 80))
    }
}
