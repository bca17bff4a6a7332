/// A stable copy of the request body for CURLOPT_POSTFIELDS, which curl reads without copying
/// during curl_easy_perform; owning it in a class pins the address until the transfer ends.
final class RequestBody {
    let pointer: UnsafeMutableRawPointer
    let count: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        // Never allocate zero bytes so the pointer is valid even for an empty body.
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, source.count > 0 {
                pointer.copyMemory(from: base, byteCount: source.count)
            }
        }
    }

    deinit {
        pointer.deallocate()
    }
}
