/// Where the time went, in seconds since the transfer started (curl's own clock).
///
/// `nameLookup`, `connect`, `firstByte` and `total` are cumulative offsets from the start,
/// as curl reports them; `tlsHandshake` is the duration of the TLS handshake alone (0 for plain HTTP
/// or a reused connection).
public struct TransferTimings: Sendable {
    public var nameLookup: Double
    public var connect: Double
    public var tlsHandshake: Double
    public var firstByte: Double
    public var total: Double

    public init(nameLookup: Double = 0, connect: Double = 0, tlsHandshake: Double = 0, firstByte: Double = 0, total: Double = 0) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.tlsHandshake = tlsHandshake
        self.firstByte = firstByte
        self.total = total
    }
}
