import CCurl

/// Typed, checked curl_easy_setopt: every failing CURLcode becomes a TransportError naming the option.
struct OptionSetter {
    let handle: UnsafeMutableRawPointer

    func set(_ option: CURLoption, long value: Int) throws(TransportError) {
        try check(gc_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, offset value: curl_off_t) throws(TransportError) {
        try check(gc_easy_setopt_off_t(handle, option, value), option)
    }

    func set(_ option: CURLoption, string value: String) throws(TransportError) {
        try check(gc_easy_setopt_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(TransportError) {
        try check(gc_easy_setopt_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, slist value: UnsafeMutablePointer<curl_slist>?) throws(TransportError) {
        try check(gc_easy_setopt_slist(handle, option, value), option)
    }

    func set(_ option: CURLoption, callback value: curl_write_callback) throws(TransportError) {
        try check(gc_easy_setopt_write_callback(handle, option, value), option)
    }

    func setProgress(_ value: curl_xferinfo_callback) throws(TransportError) {
        try check(gc_easy_setopt_xferinfo_callback(handle, value), CURLOPT_XFERINFOFUNCTION)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code != CURLE_OK else { return }
        let raw = Int32(bitPattern: code.rawValue)
        throw TransportError(
            kind: .other,
            curlCode: raw,
            message: "curl_easy_setopt(option \(option.rawValue)) failed: \(Curl.errorText(raw))"
        )
    }
}
