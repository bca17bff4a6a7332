import JSONShape

/// The list and lifecycle defects (reference §9.1, §9.3): what a store that gets them wrong
/// shows. Each hook does nothing unless the store was made with its defect, so a faithful mock
/// keeps no extra state.
extension PositionStore {
    func noteCreated(_ entity: JSONObject) {
        guard defect == .listStaleAfterPatch, let id = entity["id"]?.stringValue else { return }
        asCreated[id] = entity
    }

    /// `list-keeps-nulled`: the list's copy takes every new value except nulls.
    func noteUpdated(before: JSONObject, after: JSONObject) {
        guard defect == .listKeepsNulled, let id = after["id"]?.stringValue else { return }
        listView[id] = Self.keepingOldWhereNull(old: listView[id] ?? before, new: after)
    }

    func noteDeleted(_ entity: JSONObject, owner key: String) {
        guard [.listShowsDeleted, .deletedStillReadable, .patchResurrectsDeleted].contains(defect) else { return }
        tombstones[key, default: []].append(entity)
    }

    /// What the list shows of one owner's positions.
    func listed(_ items: [JSONObject], owner key: String) -> [JSONObject] {
        switch defect {
        case .listStaleAfterPatch: items.map { asCreated[$0["id"]?.stringValue ?? ""] ?? $0 }
        case .listKeepsNulled: items.map { listView[$0["id"]?.stringValue ?? ""] ?? $0 }
        case .listShowsDeleted: items + (tombstones[key] ?? [])
        default: items
        }
    }

    /// `list-shows-other-users`: every owner's positions in one list.
    func listAll() -> [JSONObject] {
        positions.values.flatMap { $0 }.sorted { Self.cursor(of: $0) < Self.cursor(of: $1) }
    }

    /// `cross-user-by-id`: the owner key of whichever user has a position with this id.
    func owner(ofPosition id: String) -> String? {
        positions.first { $0.value.contains { $0["id"]?.stringValue == id } }?.key
    }

    /// `deleted-still-readable`: the last state of a deleted position.
    func tombstone(owner: String, id: String) -> JSONObject? {
        tombstones[owner.lowercased()]?.last { $0["id"]?.stringValue == id }
    }

    /// `patch-resurrects-deleted`: puts a deleted position back; true when there was one.
    func resurrect(owner: String, id: String) -> Bool {
        let key = owner.lowercased()
        guard let index = tombstones[key]?.lastIndex(where: { $0["id"]?.stringValue == id }),
            let entity = tombstones[key]?.remove(at: index)
        else { return false }
        positions[key, default: []].append(entity)
        return true
    }

    private static func keepingOldWhereNull(old: JSONObject, new: JSONObject) -> JSONObject {
        var merged = new
        for (name, value) in new {
            switch (value, old[name]) {
            case (.null, let previous?) where previous != .null:
                merged[name] = previous
            case (.object(let inner), .object(let previous)?):
                merged[name] = .object(keepingOldWhereNull(old: previous, new: inner))
            default:
                continue
            }
        }
        return merged
    }
}
