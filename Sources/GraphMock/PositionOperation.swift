import Foundation
import JSONShape

/// One authorised operation on a user's positions: list, get, create, update or delete.
///
/// Runs after routing, authentication and the permission check; owns steps 9–11 of the order
/// documented on `MockService` and the shape of each success response (reference §1).
struct PositionOperation: Sendable {
    var configuration: MockConfiguration
    var store: PositionStore
    var request: MockRequest
    var route: Route
    var query: QueryOptions
    var caller: Caller
    var owner: UserRecord
    var exchange: Exchange

    private var defect: MockDefect? { configuration.defect }
    private var variants: Set<MockVariant> { configuration.variants }
    private var renderer: PositionRenderer { PositionRenderer(defect: defect, variants: variants) }
    /// Lists page at this size under `server-paging`.
    static let pageSize = 1
    private var serviceRoot: String { exchange.origin + "/" + route.version }
    private var collectionContext: String {
        "\(serviceRoot)/$metadata#users('\(owner.id)')/profile/positions"
    }
    private var entityContext: String { collectionContext + "/$entity" }

    func run() async throws(GraphError) -> Success {
        switch (request.method, route.positionID) {
        case ("GET", nil): return await list()
        case ("GET", let id?): return try await get(id)
        case ("POST", nil): return try await create()
        case ("PATCH", let id?): return try await update(id)
        case ("DELETE", let id?): return try await delete(id)
        default: throw .methodNotAllowed(request.method, allowed: [])  // unreachable: the router checked
        }
    }

    private func list() async -> Success {
        var items = defect == .listShowsOtherUsers ? await store.listAll() : await store.list(owner: owner.id)
        if let token = query.skipToken { items = items.filter { PositionStore.cursor(of: $0) > token } }
        let skipped = items.dropFirst(query.skip ?? 0)
        var page = query.top.map { Array(skipped.prefix($0)) } ?? Array(skipped)
        var nextLink: String?
        if variants.contains(.serverPaging), page.count > Self.pageSize {
            page = Array(page.prefix(Self.pageSize))
            nextLink = nextPageLink(after: PositionStore.cursor(of: page[Self.pageSize - 1]), top: query.top.map { $0 - Self.pageSize })
        }
        var context = collectionContext
        if let select = query.select, defect != .selectIgnored { context += "(\(select.joined(separator: ",")))" }
        var body = JSONObject()
        if !variants.contains(.noODataContext) { body["@odata.context"] = .string(context) }
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        body["value"] = .array(page.map { renderer.render($0, context: nil, select: query.select) })
        return Success(status: 200, body: .object(body))
    }

    /// The same list URL resuming after the page's last item (`$skiptoken`, as Graph pages), with
    /// `$top` reduced and `$select` kept.
    private func nextPageLink(after cursor: String, top: Int?) -> String {
        let path = request.target.prefix { $0 != "?" }
        var options: [String] = []
        if let select = query.select {
            options.append("$select=" + select.joined(separator: ","))
        }
        if let top { options.append("$top=\(top)") }
        let token = PercentEncoding.component(cursor)
        options.append("$skiptoken=\(token)")
        return exchange.origin + path + "?" + options.joined(separator: "&")
    }

    /// The owner whose collection the id is looked up in: the addressed user's (reference §9.1),
    /// or under `cross-user-by-id` whichever user has a position with that id.
    private func itemOwner(_ id: String) async -> String {
        if defect == .crossUserByID, let other = await store.owner(ofPosition: id) { return other }
        return owner.id
    }

    private func get(_ id: String) async throws(GraphError) -> Success {
        let itemOwner = await itemOwner(id)
        var found = await store.position(owner: itemOwner, id: id)
        if found == nil, defect == .deletedStillReadable { found = await store.tombstone(owner: itemOwner, id: id) }
        guard let item = found else { throw .positionNotFound(id) }
        return Success(status: 200, body: renderer.render(item, context: entityContext, select: query.select))
    }

    private func create() async throws(GraphError) -> Success {
        let body = try RequestBody.decode(request, defect: defect, variants: variants)
        let values = try BodyValidator(operation: .create, defect: defect, rejectReadOnly: variants.contains(.readOnlyRejected))
            .validate(body)
        let created = await store.create(owner: owner.id, values: values, by: callerIdentity)
        var headers: [(String, String)] = []
        if let id = created["id"]?.stringValue {
            headers.append(("Location", "\(serviceRoot)/users/\(owner.id)/profile/positions/\(Self.pathSegment(id))"))
        }
        return Success(
            status: defect == .createReturns200 ? 200 : 201, body: renderer.render(created, context: entityContext),
            headers: headers)
    }

    private func update(_ id: String) async throws(GraphError) -> Success {
        let itemOwner = await itemOwner(id)
        let exists = await store.position(owner: itemOwner, id: id) != nil
        if !exists, defect == .patchResurrectsDeleted, await store.resurrect(owner: itemOwner, id: id) {
            throw .positionNotFound(id)
        }
        guard exists || defect == .patchUnknownCreates else { throw .positionNotFound(id) }
        let body = try RequestBody.decode(request, defect: defect, variants: variants)
        let patch = try BodyValidator(operation: .update, defect: defect, rejectReadOnly: variants.contains(.readOnlyRejected))
            .validate(body)
        if defect == .patchServerError { throw .internalServerError }
        if !exists {
            let created = await store.create(owner: owner.id, values: patch, by: callerIdentity, id: id)
            return Success(status: 200, body: renderer.render(created, context: entityContext))
        }
        var staleBase: JSONObject?
        if defect == .concurrentPatchLostUpdate {
            // Read, pause, write back whole: a PATCH that lands in the pause is overwritten.
            staleBase = await store.position(owner: owner.id, id: id)
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        guard let result = await store.update(
            owner: itemOwner, id: id, patch: patch, by: callerIdentity,
            applier: PatchApplier(policy: configuration.complexPatch, defect: defect),
            freezeLastModified: defect == .lastModifiedFrozen, base: staleBase)
        else { throw .positionNotFound(id) }  // deleted concurrently
        if defect == .patchReturns204 { return Success(status: 204, body: nil) }
        let shown = defect == .staleResponseBody ? result.before : result.after
        return Success(status: 200, body: renderer.render(shown, context: entityContext))
    }

    private func delete(_ id: String) async throws(GraphError) -> Success {
        let itemOwner = await itemOwner(id)
        guard await store.position(owner: itemOwner, id: id) != nil else { throw .positionNotFound(id) }
        if defect != .deleteNotApplied, await !store.delete(owner: itemOwner, id: id) {
            throw .positionNotFound(id)  // deleted concurrently
        }
        return Success(status: 204, body: nil)
    }

    /// An id as one path segment: everything but RFC 3986 unreserved characters percent-encoded
    /// (GUIDs are unchanged; `opaque-ids` ids get `%2F`, `%2B`, `%3D`).
    static func pathSegment(_ id: String) -> String {
        PercentEncoding.component(id)
    }

    /// `createdBy`/`lastModifiedBy`: the calling user, or the calling app for app-only tokens.
    private var callerIdentity: JSONValue {
        let identity: JSONValue = [
            "displayName": caller.displayName.map(JSONValue.string) ?? .null,
            "id": .string(caller.isAppOnly ? (caller.appID ?? caller.objectID) : caller.objectID),
        ]
        return caller.isAppOnly ? ["application": identity] : ["user": identity]
    }
}
