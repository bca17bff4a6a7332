import JSONShape

/// The whole Graph-compatible behaviour, one request at a time, with no sockets.
///
/// The NIO channel handler only translates bytes to `MockRequest` and back, so every behaviour is
/// testable here. Order of checks (each later step runs only if the earlier ones passed; a
/// request that fails at any step changes nothing):
///
/// 1. throttling (429, when configured) · 2. body size (413) · 3. route (404) and method (405)
/// 4. authentication (401) · 5. app-only on `/me` (400) · 6. query options (400)
/// 7. unknown user — in the caller's tenant only, reference §9.2 — (404 `Request_ResourceNotFound`) · 8. permissions (403)
/// 9. unknown position (404 `itemNotFound`) · 10. Content-Type (415) · 11. body (400)
///
/// Steps 4–9 follow the order the brief attributes to Graph; routing comes first because it needs
/// nothing from the caller.
public struct MockService: Sendable {
    public let configuration: MockConfiguration
    let store: PositionStore
    let tokenClaims = TokenClaimsCache()

    public init(configuration: MockConfiguration = .init()) {
        self.configuration = configuration
        store = PositionStore(
            clock: configuration.has(.timestampsSeconds) ? .wholeSeconds
                : configuration.has(.timestampsMillis) ? .millisecondSteps : .ticks,
            opaqueIDs: configuration.has(.opaqueIDs) || configuration.has(.pathDecodedBeforeSplit),
            defect: configuration.defect)
    }

    public func handle(_ request: MockRequest) async -> MockResponse {
        let exchange = Exchange(request: request, now: .now())
        let builder = ResponseBuilder(exchange: exchange, defect: configuration.defect, variants: configuration.variants)
        do {
            return builder.success(try await process(request, exchange))
        } catch {
            return builder.failure(error)
        }
    }

    private func process(_ request: MockRequest, _ exchange: Exchange) async throws(GraphError) -> Success {
        // The retry-after-missing defect only shows while throttling, so it turns throttling on.
        let throttlePeriod = configuration.throttleEvery
            ?? (configuration.has(.retryAfterMissing) ? 5 : configuration.has(.throttle) ? 7 : nil)
        if let period = throttlePeriod, await !store.admit(every: period) {
            throw .throttled(retryAfter: configuration.throttleRetryAfter, sendHeader: !configuration.has(.retryAfterMissing))
        }
        guard request.body.count <= configuration.maxBodyBytes else {
            throw .payloadTooLarge(limit: configuration.maxBodyBytes)
        }
        let route = try Router.resolve(
            method: request.method, target: request.target, decodeBeforeSplit: configuration.has(.pathDecodedBeforeSplit))
        try ClientHeaderCheck.check(request, defect: configuration.defect)
        let caller = try TokenAuthenticator(configuration: configuration, claimsCache: tokenClaims)
            .authenticate(request.header("Authorization"), now: exchange.now)
        let callerRecord: UserRecord? = caller.isAppOnly ? nil : await store.register(caller)
        if route.subject == .me, caller.isAppOnly { throw .meRequiresDelegated }
        let query = try QueryOptions.parse(route.query, route: route, method: request.method)

        let owner: UserRecord
        switch route.subject {
        case .me:
            owner = callerRecord ?? UserRecord(id: caller.objectID)
        case .user(let key):
            owner = try await user(matching: key, for: caller)
        }

        let operation = PositionOperation(
            configuration: configuration, store: store, request: request, route: route, query: query,
            caller: caller, owner: owner, exchange: exchange)
        let ownData = !caller.isAppOnly && owner.id.lowercased() == caller.objectID.lowercased()
            && owner.tenantID == caller.tenantID
        let access: PermissionPolicy.Access = request.method == "GET" ? .read : .write
        guard PermissionPolicy.allows(caller, ownData: ownData, access: access, defect: configuration.defect) else {
            if configuration.has(.deniedRequestApplied) { _ = try? await operation.run() }
            throw caller.isAppOnly ? GraphError.appOnlyDenied(configuration.variants) : .scopeDenied(configuration.variants)
        }
        return try await operation.run()
    }

    /// `/users/{id | upn}` resolves in the caller's tenant only (reference §9.2): a user of another
    /// tenant is "not found" (or, under `cross-tenant-403`, access denied), whatever the scopes.
    private func user(matching key: String, for caller: Caller) async throws(GraphError) -> UserRecord {
        let caseSensitive = configuration.has(.upnCaseSensitive)
        let tenant = configuration.has(.crossTenantVisible) ? nil : caller.tenantID
        if let found = await store.user(matching: key, tenant: tenant, upnCaseSensitive: caseSensitive) { return found }
        if configuration.has(.crossTenant403), await store.user(matching: key, tenant: nil, upnCaseSensitive: caseSensitive) != nil {
            throw .accessDenied
        }
        throw .userNotFound(key)
    }
}
