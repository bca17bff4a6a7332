import Foundation
import Identifiers
import JSONShape

/// All mutable state of one mock: users, their positions, the modification clock, the throttle
/// counter.
///
/// An actor, and every read-modify-write is one synchronous method, so concurrent PATCHes of one
/// position never lose an update and concurrent create/delete keep each list consistent.
actor PositionStore {
    /// How stamps are taken (the timestamp variants, reference §3.5).
    enum Clock: Sendable {
        /// 100-ns ticks, strictly increasing.
        case ticks
        /// Full precision, but each stamp at least 1 ms after the previous one, so a 3-digit
        /// rendering shows every write (`timestamps-millis`).
        case millisecondSteps
        /// Whole seconds, never backwards; two writes within a second share a stamp (`timestamps-seconds`).
        case wholeSeconds
    }

    /// Hidden member holding the revision counter (`extra-properties`); never accepted from a body
    /// (the validator drops `@` names) and only rendered by that variant.
    static let revisionKey = "@mock.revision"

    private let clock: Clock
    private let opaqueIDs: Bool
    /// A list or lifecycle defect this store shows (see `PositionStore+Defects`); nil when faithful.
    let defect: MockDefect?
    /// Kept only for those defects: each position as created, the list's null-ignoring view, and
    /// deleted positions per owner key.
    var asCreated: [String: JSONObject] = [:]
    var listView: [String: JSONObject] = [:]
    var tombstones: [String: [JSONObject]] = [:]
    private var users: [String: UserRecord] = [:]
    /// Positions per user key, in creation order.
    var positions: [String: [JSONObject]] = [:]
    private var lastTicks: Int64 = 0
    private var requestCount = 0
    private var admitNext = false

    init(clock: Clock = .ticks, opaqueIDs: Bool = false, defect: MockDefect? = nil) {
        self.clock = clock
        self.opaqueIDs = opaqueIDs
        self.defect = defect
    }

    // MARK: Throttling

    /// False when this request is the Nth and must be answered 429; the request after a throttled
    /// one is always admitted, so a client that honours Retry-After makes progress.
    func admit(every period: Int) -> Bool {
        if admitNext {
            admitNext = false
            return true
        }
        requestCount += 1
        guard period > 0, requestCount % period == 0 else { return true }
        admitNext = true
        return false
    }

    // MARK: Users

    /// Users are known per tenant (reference §9.2): the same directory never answers for another.
    private static func userKey(tenant: String, id: String) -> String { tenant + "|" + id.lowercased() }

    /// Records or refreshes the caller in its tenant; returns its record.
    @discardableResult
    func register(_ caller: Caller) -> UserRecord {
        let key = Self.userKey(tenant: caller.tenantID, id: caller.objectID)
        var record = users[key] ?? UserRecord(id: caller.objectID, tenantID: caller.tenantID)
        if let upn = caller.userPrincipalName { record.userPrincipalName = upn }
        if let name = caller.displayName { record.displayName = name }
        users[key] = record
        return record
    }

    /// `/users/{key}` within one tenant (nil: any tenant, the `cross-tenant-visible` defect): by id
    /// (GUIDs compare case-insensitively) or by UPN (case-insensitive unless a defect says otherwise).
    func user(matching key: String, tenant: String?, upnCaseSensitive: Bool) -> UserRecord? {
        let candidates = users.values.filter { tenant == nil || $0.tenantID == tenant }
        if let byID = candidates.first(where: { $0.id.lowercased() == key.lowercased() }) { return byID }
        return candidates.first { record in
            guard let upn = record.userPrincipalName else { return false }
            return upnCaseSensitive ? upn == key : upn.lowercased() == key.lowercased()
        }
    }

    // MARK: Positions

    /// Ordered by createdDateTime (reference §1), ties by id, so a paging cursor is stable.
    func list(owner: String) -> [JSONObject] {
        listed(positions[owner.lowercased()] ?? [], owner: owner.lowercased()).sorted { Self.cursor(of: $0) < Self.cursor(of: $1) }
    }

    /// An item's place in list order, as `$skiptoken` carries it: later deletions and creations
    /// of other items cannot shift a page boundary, unlike a `$skip` offset.
    static func cursor(of item: JSONObject) -> String {
        (item["createdDateTime"]?.stringValue ?? "") + "|" + (item["id"]?.stringValue ?? "")
    }

    func position(owner: String, id: String) -> JSONObject? {
        positions[owner.lowercased()]?.first { $0["id"]?.stringValue == id }
    }

    func create(owner: String, values: JSONObject, by identity: JSONValue, id: String? = nil) -> JSONObject {
        let stamp = JSONValue.string(nextTimestamp().dateTimeOffset)
        var entity = JSONObject()
        entity["id"] = .string(id ?? newID())
        for (name, value) in values where name != "id" { entity[name] = value }
        entity["createdBy"] = identity
        entity["createdDateTime"] = stamp
        entity["lastModifiedBy"] = identity
        entity["lastModifiedDateTime"] = stamp
        entity[Self.revisionKey] = .int(1)
        positions[owner.lowercased(), default: []].append(entity)
        noteCreated(entity)
        return entity
    }

    /// Applies a PATCH atomically; nil when the position does not exist.
    func update(
        owner: String, id: String, patch: JSONObject, by identity: JSONValue, applier: PatchApplier, freezeLastModified: Bool,
        base: JSONObject? = nil
    ) -> (before: JSONObject, after: JSONObject)? {
        let key = owner.lowercased()
        guard let index = positions[key]?.firstIndex(where: { $0["id"]?.stringValue == id }),
            let before = positions[key]?[index]
        else { return nil }
        // `base` is an earlier read (the `concurrent-patch-lost-update` defect); normally the current value.
        var after = applier.apply(patch, to: base ?? before)
        after["lastModifiedBy"] = identity
        after[Self.revisionKey] = .int(Int(before[Self.revisionKey]?.numberValue?.int64 ?? 0) + 1)
        if !freezeLastModified { after["lastModifiedDateTime"] = .string(nextTimestamp().dateTimeOffset) }
        positions[key]?[index] = after
        noteUpdated(before: before, after: after)
        return (before, after)
    }

    /// True when something was removed.
    func delete(owner: String, id: String) -> Bool {
        let key = owner.lowercased()
        guard let index = positions[key]?.firstIndex(where: { $0["id"]?.stringValue == id }),
            let removed = positions[key]?.remove(at: index)
        else { return false }
        noteDeleted(removed, owner: key)
        return true
    }

    /// Wall-clock time, but strictly later than any stamp handed out before, so
    /// `lastModifiedDateTime` advances even for two PATCHes within one clock tick.
    private func nextTimestamp() -> Timestamp {
        let now = Timestamp.now().ticks
        switch clock {
        case .ticks:
            lastTicks = max(now, lastTicks + 1)
        case .millisecondSteps:
            lastTicks = max(now, lastTicks + Timestamp.ticksPerSecond / 1000)
        case .wholeSeconds:
            lastTicks = max(now - now % Timestamp.ticksPerSecond, lastTicks)
        }
        return Timestamp(ticks: lastTicks)
    }

    /// A GUID, or under `opaque-ids` a base64-like id with `/`, `+` and `=` like real profile ids.
    private func newID() -> String {
        let bytes = RandomUUID.bytes()
        guard opaqueIDs else { return RandomUUID.format(bytes) }
        let base64 = Data(bytes).base64EncodedString()  // 22 characters and "=="
        return "AAMkAD/" + base64.prefix(11) + "+" + base64.dropFirst(11)
    }
}
