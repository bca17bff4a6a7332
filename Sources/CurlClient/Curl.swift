import CCurl

/// Result of the one and only curl_global_init; a Swift global is initialised lazily and exactly once,
/// thread-safely, which is the guarantee curl_global_init needs (it is not itself thread-safe).
private let globalInitCode: Int32 = Int32(bitPattern: curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue)

/// Process-wide libcurl facts and setup, kept apart from sessions so init happens once.
public enum Curl {
    /// Runs curl_global_init once per process; later calls only report the first outcome.
    public static func globalInit() throws(TransportError) {
        let code = globalInitCode
        guard code == 0 else {
            throw TransportError(kind: .other, curlCode: code, message: "curl_global_init failed: \(errorText(code))")
        }
    }

    /// libcurl's own version line (e.g. "libcurl/7.88.1 OpenSSL/3.0 ... nghttp2/1.52"), for reports.
    public static var versionDescription: String {
        guard let text = curl_version() else { return "libcurl (unknown version)" }
        return String(cString: text)
    }

    /// curl_easy_strerror for a raw code, safe for any value.
    static func errorText(_ code: Int32) -> String {
        guard let text = curl_easy_strerror(CURLcode(rawValue: UInt32(bitPattern: code))) else {
            return "unknown curl error \(code)"
        }
        return String(cString: text)
    }
}
