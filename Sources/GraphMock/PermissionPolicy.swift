/// Which delegated scopes allow which operation (reference §2).
///
/// "Own" means `/me` or `/users/{caller}`; another user's data needs a tenant-wide (`.All`) scope.
/// App-only tokens are "not supported" by the live docs, so they are denied here (403; the status
/// is undocumented, §8.3) unless the `app-only-allowed` defect is on.
enum PermissionPolicy {
    enum Access: Sendable { case read, write }

    static let ownRead: Set<String> = [
        "User.Read", "User.ReadWrite", "User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All",
        "AgentIdUser.ReadWrite.All", "AgentIdUser.ReadWrite.IdentityParentedBy",
    ]
    static let ownWrite: Set<String> = [
        "User.ReadWrite", "User.ReadWrite.All", "AgentIdUser.ReadWrite.All", "AgentIdUser.ReadWrite.IdentityParentedBy",
    ]
    static let otherRead: Set<String> = ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All", "AgentIdUser.ReadWrite.All"]
    static let otherWrite: Set<String> = ["User.ReadWrite.All", "AgentIdUser.ReadWrite.All"]

    static func allows(_ caller: Caller, ownData: Bool, access: Access, defect: MockDefect?) -> Bool {
        if caller.isAppOnly && defect != .appOnlyAllowed { return false }
        let granting: Set<String>
        switch (ownData && !caller.isAppOnly, access) {
        case (true, .read): granting = ownRead
        case (false, .read): granting = otherRead
        case (true, .write):
            granting = defect == .readScopeCanWrite ? ownWrite.union(ownRead) : ownWrite
        case (false, .write):
            var scopes = otherWrite
            if defect == .readScopeCanWrite { scopes.formUnion(otherRead) }
            if defect == .crossUserWriteAllowed { scopes.formUnion(ownWrite) }
            granting = scopes
        }
        return !caller.permissions.isDisjoint(with: granting)
    }
}
