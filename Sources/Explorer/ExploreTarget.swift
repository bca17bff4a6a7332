import CaseModel
import JSONShape

/// Who may call, as whom, and under which policies: the parts of a target file the explorer uses.
public struct ExploreTarget: Sendable {
    public struct Principal: Sendable, Hashable {
        public var name: String
        public var token: String
        /// The delegated user; nil for an application.
        public var user: TargetUser?
        public var scopes: Set<String>

        var isApplication: Bool { user == nil }
    }

    public var name: String
    public var baseURL: String
    public var principals: [Principal]
    public var policies: ExplorePolicies

    public init(name: String, baseURL: String, principals: [Principal], policies: ExplorePolicies) {
        self.name = name
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.principals = principals.sorted { $0.name < $1.name }
        self.policies = policies
    }

    /// The target file's principals that have a token, in name order (so a seed means the same
    /// sequences whatever order the file lists them in). Principals of another tenant are left
    /// out: the model has one tenant, and cases/isolation/between-tenants.yaml checks §9.2.
    public init(target: TargetFile, baseURL: String, tokens: [String: String]) {
        let principals = target.principals.values.compactMap { config -> Principal? in
            guard config.tenant == nil, let token = tokens[config.name] else { return nil }
            let scopes = Set((config.scopes ?? "").split(separator: " ").map(String.init))
            return Principal(name: config.name, token: token, user: target.user(of: config.name),
                             scopes: config.isApplication ? [] : scopes)
        }
        self.init(name: target.name, baseURL: baseURL, principals: principals, policies: ExplorePolicies(target.policies))
    }

    func principal(_ name: String) -> Principal? { principals.first { $0.name == name } }

    /// Delegated principals that may write their own positions (reference §2: User.ReadWrite and up).
    var ownWriters: [Principal] { principals.filter { !$0.isApplication && !$0.scopes.isDisjoint(with: Access.ownWrite) } }
}

/// Reference §2, by scope: who may read and write whose positions.
enum Access {
    static let ownRead: Set<String> = ["User.Read", "User.ReadWrite", "User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All"]
    static let ownWrite: Set<String> = ["User.ReadWrite", "User.ReadWrite.All"]
    static let otherRead: Set<String> = ["User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All"]
    static let otherWrite: Set<String> = ["User.ReadWrite.All"]

    enum Verdict { case allowed, denied, unknown }

    /// Allowed, denied, or not decided by the docs (then the generator does not send it).
    static func verdict(_ principal: ExploreTarget.Principal, ownerUser: TargetUser?, write: Bool) -> Verdict {
        if principal.isApplication { return .denied }  // §2: application permissions "not supported"
        let own = principal.user?.id.lowercased() == ownerUser?.id.lowercased()
        let granting = own ? (write ? ownWrite : ownRead) : (write ? otherWrite : otherRead)
        if !principal.scopes.isDisjoint(with: granting) { return .allowed }
        // A read scope on another user's data: §2 lists no delegated scope below .All for it either way.
        return write ? .denied : (own ? .denied : .unknown)
    }
}

/// The target's choices where the reference leaves room (§8), as the catalogue uses them.
public struct ExplorePolicies: Sendable {
    public enum ComplexPatch: String, Sendable { case merge, replace, either }

    public var complexPatch: ComplexPatch = .merge
    public var unknownPropertyMayBeIgnored = false
    public var patchSuccessStatuses: Set<Int> = [200]
    public var scopeDenialStatuses: Set<Int> = [401, 403]
    public var appOnlyDenialStatuses: Set<Int> = [400, 401, 403]
    public var flagsCombinations = false

    public init() {}

    public init(_ policies: [String: JSONValue]) {
        if let mode = policies["complexPatch"]?.stringValue.flatMap(ComplexPatch.init(rawValue:)) { complexPatch = mode }
        unknownPropertyMayBeIgnored = policies["unknownProperty"]?.stringValue == "ignore-or-reject"
        if let statuses = Self.statuses(policies["patchSuccessStatuses"]) { patchSuccessStatuses = statuses }
        if let statuses = Self.statuses(policies["scopeDenialStatuses"]) { scopeDenialStatuses = statuses }
        if let statuses = Self.statuses(policies["appOnlyDenialStatuses"]) { appOnlyDenialStatuses = statuses }
        flagsCombinations = policies["flagsAudiences"]?.stringValue == "multi"
    }

    private static func statuses(_ value: JSONValue?) -> Set<Int>? {
        switch value {
        case .array(let items)?: Set(items.compactMap { $0.numberValue?.int64.map(Int.init) })
        case .number(let number)?: number.int64.map { [Int($0)] }
        default: nil
        }
    }
}
