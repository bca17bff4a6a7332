/// How the mock behaves: the documented defaults, the policy for the open points of the contract,
/// at most one deliberate defect, and any number of conforming variants.
///
/// Everything here is a value so a test or the CLI can build one, tweak a field and start a server
/// without any shared state.
public struct MockConfiguration: Sendable {
    /// What a PATCH does with a complex value (`detail`, `manager`, `inference`, …).
    ///
    /// The reference leaves this open (§8.1). `merge` (recursive, OData 4.02 wording) is the
    /// documented default of this suite; `replace` models workloads that overwrite the whole value.
    public enum ComplexPatch: String, Sendable, CaseIterable {
        case merge, replace
    }

    public var complexPatch: ComplexPatch = .merge
    /// The single deviation from the contract to exhibit, or nil for a faithful mock.
    public var defect: MockDefect? = nil
    /// Conforming behaviours that differ from the mock's defaults (several may be combined).
    public var variants: Set<MockVariant> = []
    /// Every Nth request answers 429 with `Retry-After`; the request after it always passes.
    public var throttleEvery: Int? = nil
    public var throttleRetryAfter: Int = 1
    /// A request that arrives while more than this many are in flight (received and not yet
    /// answered, the `latency` included) is answered 429 with `Retry-After`: a target that pushes
    /// back on load, as Graph does, unlike `throttleEvery`'s fixed rhythm.
    public var throttleAboveInFlight: Int? = nil
    /// Every answer leaves this long after its request arrived (nil: at once), like a remote Graph.
    public var latency: MockLatency? = nil
    /// A hostile transport mode (hangs or drips successful PATCHes), or nil to answer normally.
    public var hostility: MockHostility? = nil
    /// Larger request bodies are refused with 413 without being buffered.
    public var maxBodyBytes: Int = 1 << 20
    /// `aud` values a token may carry (resource URI, Graph app id, URI with trailing slash).
    public var acceptedAudiences = [
        "https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000", "https://graph.microsoft.com/",
    ]
    /// Leeway applied to `exp` and `nbf`, as token validators commonly allow.
    public var clockSkewSeconds: Int = 300
    /// Opt-in: verify signatures and `iss` against an issuer's keys (nil: signatures are not checked).
    public var tokenVerification: TokenVerification? = nil

    public init() {}

    /// True when `defect` is the given one; keeps call sites short.
    func has(_ candidate: MockDefect) -> Bool { defect == candidate }

    /// True when the given variant is on.
    func has(_ candidate: MockVariant) -> Bool { variants.contains(candidate) }
}
