/// Entry points the transport needs besides `handle`.
extension MockService {
    /// The 413 for a request whose body the transport refused to buffer; rendered like every other
    /// error (ids, headers, Graph error body).
    func payloadTooLarge(_ request: MockRequest) -> MockResponse {
        let exchange = Exchange(request: request, now: .now())
        return ResponseBuilder(exchange: exchange, defect: configuration.defect, variants: configuration.variants)
            .failure(.payloadTooLarge(limit: configuration.maxBodyBytes))
    }

    /// The 429 for a request that arrived while too many were in flight (`throttleAboveInFlight`).
    func overloaded(_ request: MockRequest) -> MockResponse {
        let exchange = Exchange(request: request, now: .now())
        return ResponseBuilder(exchange: exchange, defect: configuration.defect, variants: configuration.variants)
            .failure(.throttled(retryAfter: configuration.throttleRetryAfter, sendHeader: true))
    }
}
