/// Classifies CURLcodes so callers match on intent (timeout, TLS, ...) instead of numbers.
extension TransportError.Kind {
    /// Maps a CURLcode. `requestSent` disambiguates codes curl reuses for unrelated failures:
    /// UNSUPPORTED_PROTOCOL before sending means a bad URL scheme, after sending a bad status line.
    init(curlCode code: Int32, requestSent: Bool) {
        switch code {
        case 7, 45:
            // COULDNT_CONNECT, INTERFACE_FAILED
            self = .connect
        case 5, 6:
            // COULDNT_RESOLVE_PROXY, COULDNT_RESOLVE_HOST
            self = .resolve
        case 28:
            // OPERATION_TIMEDOUT (also raised by the low-speed limit)
            self = .timeout
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98:
            // SSL_CONNECT_ERROR, PEER_FAILED_VERIFICATION, engine/cert/cipher/CA/CRL/issuer/pin/status errors
            self = .tls
        case 55:
            // SEND_ERROR
            self = .send
        case 18, 52, 56, 92:
            // PARTIAL_FILE (cut mid body), GOT_NOTHING (closed before replying), RECV_ERROR, HTTP2_STREAM
            self = .receive
        case 8, 16, 61:
            // WEIRD_SERVER_REPLY, HTTP2 framing error, BAD_CONTENT_ENCODING
            self = .malformedResponse
        case 1 where requestSent:
            // curl reports a missing or unparsable status line ("HTTP/0.9", "Unsupported HTTP version")
            self = .malformedResponse
        case 47:
            // TOO_MANY_REDIRECTS
            self = .tooManyRedirects
        case 23, 42:
            // WRITE_ERROR, ABORTED_BY_CALLBACK
            self = .aborted
        default:
            self = .other
        }
    }
}
