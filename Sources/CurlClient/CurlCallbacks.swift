import CCurl

/// C entry points curl calls during a transfer; they capture nothing and find their
/// TransferContext through the user-data pointer. Returning anything other than the
/// byte count makes curl abort with CURLE_WRITE_ERROR, which is the only safe way out.
enum CurlCallbacks {
    /// CURLOPT_WRITEFUNCTION: body bytes.
    static let write: curl_write_callback = { data, size, count, userData in
        guard let userData else { return 0 }
        let (total, overflow) = size.multipliedReportingOverflow(by: count)
        guard !overflow else { return 0 }
        let context = Unmanaged<TransferContext>.fromOpaque(userData).takeUnretainedValue()
        context.receiveBody(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : total))
        return context.withinLimits ? total : 0
    }

    /// CURLOPT_HEADERFUNCTION: one complete header line per call.
    static let header: curl_write_callback = { data, size, count, userData in
        guard let userData else { return 0 }
        let (total, overflow) = size.multipliedReportingOverflow(by: count)
        guard !overflow else { return 0 }
        let context = Unmanaged<TransferContext>.fromOpaque(userData).takeUnretainedValue()
        context.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : total))
        return context.withinLimits ? total : 0
    }

    /// CURLOPT_XFERINFOFUNCTION: asks the context whether to give up (non-zero aborts the transfer
    /// with CURLE_ABORTED_BY_CALLBACK).
    static let progress: curl_xferinfo_callback = { userData, _, _, _, _ in
        guard let userData else { return 0 }
        let context = Unmanaged<TransferContext>.fromOpaque(userData).takeUnretainedValue()
        return context.shouldAbort?() == true ? 1 : 0
    }
}
