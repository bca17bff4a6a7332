import CCurl

/// Owns a curl_slist so it outlives curl_easy_perform and is freed exactly once.
final class HeaderList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init() {}

    /// Appends one raw "Name: value" line; false when curl could not allocate.
    func append(_ line: String) -> Bool {
        guard let grown = curl_slist_append(pointer, line) else { return false }
        pointer = grown
        return true
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}
