import CCurl

/// One reusable easy handle, so consecutive requests to the same host share a kept-alive connection.
///
/// Not Sendable: an easy handle must only be used by one thread at a time, so give each worker its own.
public final class CurlSession {
    private let handle: UnsafeMutableRawPointer
    /// curl writes its detailed failure text here; re-registered after every reset.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize = Int(CURL_ERROR_SIZE)

    public init() throws(TransportError) {
        try Curl.globalInit()
        guard let handle = curl_easy_init() else {
            throw TransportError(kind: .other, curlCode: 0, message: "curl_easy_init returned NULL")
        }
        self.handle = handle
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs one request to completion; HTTP error statuses come back as responses, only transport failures throw.
    public func perform(_ request: HTTPRequest, options: TransferOptions) throws(TransportError) -> HTTPResponse {
        // Reset drops every option from the previous request but keeps the connection cache.
        curl_easy_reset(handle)
        defer { curl_easy_reset(handle) }  // leave no pointers to the objects below behind
        errorBuffer.update(repeating: 0, count: errorBufferSize)

        let limits = TransferContext.Limits(receivedBodyBytes: options.maxReceivedBodyBytes, headerBytes: options.maxHeaderBytes,
                                            headerCount: options.maxHeaderCount)
        let context = TransferContext(maxBodyBytes: options.maxBodyBytes, limits: limits, shouldAbort: options.shouldAbort)
        let headerList = try RequestHeaders.list(for: request)
        let body = request.body.map(RequestBody.init)
        let setter = OptionSetter(handle: handle)

        try setter.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try configureTransport(setter, request: request, options: options)
        try configureMethod(setter, method: request.method, body: body)
        try setter.set(CURLOPT_HTTPHEADER, slist: headerList.pointer)

        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        try setter.set(CURLOPT_WRITEFUNCTION, callback: CurlCallbacks.write)
        try setter.set(CURLOPT_WRITEDATA, pointer: contextPointer)
        try setter.set(CURLOPT_HEADERFUNCTION, callback: CurlCallbacks.header)
        try setter.set(CURLOPT_HEADERDATA, pointer: contextPointer)
        if options.shouldAbort != nil {
            try setter.set(CURLOPT_NOPROGRESS, long: 0)
            try setter.setProgress(CurlCallbacks.progress)
            try setter.set(CURLOPT_XFERINFODATA, pointer: contextPointer)
        }

        let code = withExtendedLifetime((context, headerList, body)) {
            curl_easy_perform(handle)
        }
        if let reason = context.limitExceeded {
            throw TransportError(kind: .tooLarge, curlCode: Int32(bitPattern: code.rawValue), message: reason)
        }
        guard code == CURLE_OK else {
            throw failure(code)
        }
        guard context.headerBlockComplete else {
            // curl 7.88 accepts a connection closed inside the header block as a complete response.
            throw TransportError(kind: .malformedResponse, curlCode: 0, message: "response ended inside the header block")
        }
        return try ResponseBuilder(handle: handle).response(from: context, options: options)
    }

    /// URL, protocol limits, timeouts, TLS, redirects and content negotiation.
    private func configureTransport(_ setter: OptionSetter, request: HTTPRequest, options: TransferOptions) throws(TransportError) {
        guard !request.url.utf8.contains(0) else {
            throw TransportError(kind: .other, curlCode: 0, message: "URL contains a NUL byte")
        }
        try setter.set(CURLOPT_URL, string: request.url)
        // Only HTTP(S), both for the request and for any redirect target.
        try setter.set(CURLOPT_PROTOCOLS_STR, string: "http,https")
        try setter.set(CURLOPT_REDIR_PROTOCOLS_STR, string: "http,https")
        // Signals are process-wide; a threaded client must not let curl use them for timeouts.
        try setter.set(CURLOPT_NOSIGNAL, long: 1)

        try setter.set(CURLOPT_CONNECTTIMEOUT_MS, long: Self.milliseconds(options.connectTimeout))
        try setter.set(CURLOPT_TIMEOUT_MS, long: Self.milliseconds(options.totalTimeout))
        try setter.set(CURLOPT_LOW_SPEED_LIMIT, long: max(0, options.lowSpeedLimit))
        try setter.set(CURLOPT_LOW_SPEED_TIME, long: max(0, options.lowSpeedTime))

        try setter.set(CURLOPT_SSL_VERIFYPEER, long: options.insecure ? 0 : 1)
        try setter.set(CURLOPT_SSL_VERIFYHOST, long: options.insecure ? 0 : 2)
        if let caCertPath = options.caCertPath {
            try setter.set(CURLOPT_CAINFO, string: caCertPath)
        }

        try setter.set(CURLOPT_FOLLOWLOCATION, long: options.followRedirects ? 1 : 0)
        try setter.set(CURLOPT_MAXREDIRS, long: 10)
        // Never hand credentials to a host the caller did not name.
        try setter.set(CURLOPT_UNRESTRICTED_AUTH, long: 0)

        let version = options.preferHTTP2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1
        try setter.set(CURLOPT_HTTP_VERSION, long: Int(version))
        // Empty string: advertise every encoding this libcurl can decode, and decode it.
        try setter.set(CURLOPT_ACCEPT_ENCODING, string: "")
        // Proxy CONNECT responses are not the server's headers.
        try setter.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, long: 1)
    }

    /// Method and body: GET/HEAD use curl's own modes so no body can slip out; others go verbatim.
    private func configureMethod(_ setter: OptionSetter, method: String, body: RequestBody?) throws(TransportError) {
        guard !method.isEmpty, !method.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw TransportError(kind: .other, curlCode: 0, message: "invalid HTTP method token")
        }
        if method == "HEAD" {
            try setter.set(CURLOPT_NOBODY, long: 1)
            return
        }
        if let body {
            try setter.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: curl_off_t(body.count))
            try setter.set(CURLOPT_POSTFIELDS, pointer: body.pointer)
        } else {
            try setter.set(CURLOPT_HTTPGET, long: 1)
        }
        if method != "GET" || body != nil {
            try setter.set(CURLOPT_CUSTOMREQUEST, string: method)
        }
    }

    /// Builds the thrown error from curl's code and error buffer (which never holds request headers).
    private func failure(_ code: CURLcode) -> TransportError {
        let raw = Int32(bitPattern: code.rawValue)
        let detail = String(cString: errorBuffer)
        var message = Curl.errorText(raw)
        if !detail.isEmpty {
            message += ": " + detail.trimmingSuffix(while: { $0 == "\n" || $0 == "\r" })
        }
        var requestBytes = 0
        let infoCode = gc_easy_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &requestBytes)
        let requestSent = infoCode == CURLE_OK && requestBytes > 0
        return TransportError(kind: TransportError.Kind(curlCode: raw, requestSent: requestSent), curlCode: raw, message: message)
    }

    /// Seconds to curl milliseconds; 0 or less (or NaN) means no limit, tiny positives round up to 1 ms.
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let millis = (seconds * 1000).rounded(.up)
        return millis >= Double(Int32.max) ? Int(Int32.max) : max(1, Int(millis))
    }
}

@available(*, unavailable, message: "An easy handle must stay on one thread; create one CurlSession per worker.")
extension CurlSession: Sendable {}

extension String {
    /// Drops trailing characters matching the predicate (curl's error buffer ends in a newline).
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) {
            result.removeLast()
        }
        return result
    }
}
