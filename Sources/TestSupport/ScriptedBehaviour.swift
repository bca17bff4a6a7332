/// What the scripted server does with one request; the hostile cases model real broken or malicious servers.
public enum ScriptedBehaviour: Sendable {
    /// Proper HTTP/1.1 response. Content-Length is added unless given; keeps the connection alive unless
    /// either side said `Connection: close`.
    case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
    /// Writes these bytes verbatim, then closes.
    case raw([UInt8])
    /// Never answers; the connection stays open until the client gives up or the server stops.
    case acceptAndHang
    /// Closes cleanly (FIN) without sending anything.
    case closeImmediately
    /// Aborts the connection with a TCP RST (SO_LINGER 0).
    case reset
    /// Sends a status line and half a header, then closes.
    case cutMidHeaders
    /// Announces a 1024-byte body, sends 100 bytes of it, then closes.
    case cutMidBody
    /// Writes these bytes one at a time with `interval` seconds between them, then closes.
    case drip([UInt8], interval: Double)
    /// 200 response streaming `bytes` bytes of body from a small reused buffer, then closes.
    case hugeBody(bytes: Int)
    /// Redirect response with a Location header and an empty body.
    case redirect(to: String, status: Int = 302)
}
