/// Per-request limits and policies; defaults are strict so a hostile server cannot stall or flood a run.
public struct TransferOptions: Sendable {
    /// Seconds allowed to establish the connection (TCP + TLS); 0 disables the limit.
    public var connectTimeout: Double = 5
    /// Seconds allowed for the whole transfer; 0 disables the limit.
    public var totalTimeout: Double = 15
    /// Bytes per second below which the transfer counts as stalled ...
    public var lowSpeedLimit: Int = 1
    /// ... for this many seconds before it is aborted (dripping servers); 0 disables the check.
    public var lowSpeedTime: Int = 10
    /// Keep at most this prefix of the body; the rest is counted and discarded, never buffered.
    public var maxBodyBytes: Int = 4 << 20
    /// Abort (`.tooLarge`) once this many body bytes arrived, counted after decoding, so a
    /// compression bomb or an endless body costs bounded time, not just bounded memory.
    public var maxReceivedBodyBytes: Int = 256 << 20
    /// Abort (`.tooLarge`) when one response's header block exceeds this many bytes ...
    public var maxHeaderBytes: Int = 256 << 10
    /// ... or this many fields (a header flood).
    public var maxHeaderCount: Int = 1000
    /// Skip TLS peer and host verification. Verification is on unless this is set.
    public var insecure: Bool = false
    /// PEM bundle of trusted CAs, replacing the system store for this request.
    public var caCertPath: String? = nil
    /// Follow 3xx responses. Off by default; Authorization is never forwarded to another host.
    public var followRedirects: Bool = false
    /// Negotiate HTTP/2 over TLS when the server offers it; plain HTTP always uses HTTP/1.1.
    public var preferHTTP2: Bool = true

    /// Polled while a transfer runs (about once a second, and as data moves); returning true
    /// aborts it with `.aborted`. The runner uses it to stop waiting on a silent server when
    /// the user interrupts the run.
    public var shouldAbort: (@Sendable () -> Bool)? = nil
    public init() {}
}
