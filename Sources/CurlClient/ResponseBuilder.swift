import CCurl

/// Reads curl's post-transfer info into an HTTPResponse; every getinfo result is checked.
struct ResponseBuilder {
    let handle: UnsafeMutableRawPointer

    func response(from context: TransferContext, options: TransferOptions) throws(TransportError) -> HTTPResponse {
        let status = try long(CURLINFO_RESPONSE_CODE)
        let headers = context.headers
        var redirect: String?
        if (300...399).contains(status) {
            let resolved = try string(CURLINFO_REDIRECT_URL)
            redirect = resolved ?? headers.first { $0.name.lowercased() == "location" }?.value
        }
        // The version curl negotiated (ALPN for HTTP/2) is the truth; the status line is only a
        // fallback, since over HTTP/2 curl writes that line itself.
        var version = try negotiatedVersion()
        if version == nil {
            version = context.statusLineVersion
        }
        return HTTPResponse(
            status: status,
            httpVersion: version ?? "unknown",
            headers: headers,
            body: context.body,
            bodyTruncated: context.bodyTruncated,
            bodyBytesReceived: context.bodyBytesReceived,
            timings: try timings(),
            redirectLocation: redirect,
            connectionReused: try long(CURLINFO_NUM_CONNECTS) == 0
        )
    }

    /// CURLINFO_HTTP_VERSION of the last transfer: "1.0", "1.1", "2", "3", or nil when curl does not say.
    /// See https://curl.se/libcurl/c/CURLINFO_HTTP_VERSION.html
    private func negotiatedVersion() throws(TransportError) -> String? {
        var code = 0
        try check(gc_easy_getinfo_http_version(handle, &code), CURLINFO_HTTP_VERSION)
        switch code {
        case Int(CURL_HTTP_VERSION_1_0): return "1.0"
        case Int(CURL_HTTP_VERSION_1_1): return "1.1"
        case Int(CURL_HTTP_VERSION_2_0): return "2"
        case Int(CURL_HTTP_VERSION_3): return "3"
        default: return nil
        }
    }

    /// Microsecond *_TIME_T counters, converted to seconds.
    private func timings() throws(TransportError) -> TransferTimings {
        let lookup = try microseconds(CURLINFO_NAMELOOKUP_TIME_T)
        let connect = try microseconds(CURLINFO_CONNECT_TIME_T)
        let appConnect = try microseconds(CURLINFO_APPCONNECT_TIME_T)
        let firstByte = try microseconds(CURLINFO_STARTTRANSFER_TIME_T)
        let total = try microseconds(CURLINFO_TOTAL_TIME_T)
        let tls = appConnect > connect ? appConnect - connect : 0
        return TransferTimings(
            nameLookup: Double(lookup) / 1e6,
            connect: Double(connect) / 1e6,
            tlsHandshake: Double(tls) / 1e6,
            firstByte: Double(firstByte) / 1e6,
            total: Double(total) / 1e6
        )
    }

    private func long(_ info: CURLINFO) throws(TransportError) -> Int {
        var value = 0
        try check(gc_easy_getinfo_long(handle, info, &value), info)
        return value
    }

    private func microseconds(_ info: CURLINFO) throws(TransportError) -> curl_off_t {
        var value: curl_off_t = 0
        try check(gc_easy_getinfo_off_t(handle, info, &value), info)
        return value
    }

    private func string(_ info: CURLINFO) throws(TransportError) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        try check(gc_easy_getinfo_string(handle, info, &value), info)
        return value.map { String(cString: $0) }
    }

    private func check(_ code: CURLcode, _ info: CURLINFO) throws(TransportError) {
        guard code != CURLE_OK else { return }
        let raw = Int32(bitPattern: code.rawValue)
        throw TransportError(
            kind: .other,
            curlCode: raw,
            message: "curl_easy_getinfo(\(info.rawValue)) failed: \(Curl.errorText(raw))"
        )
    }
}
