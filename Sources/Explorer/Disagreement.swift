import Reporting

/// Where the target and the model parted: the step, what kind of check, the differences by JSON
/// pointer (Reporting's typed `Mismatch`), and what a case must assert to show it again.
public struct Disagreement: Sendable {
    public enum Kind: String, Sendable {
        case status, shape, header, response = "response body", readBack = "read-back", list, timestamp, transport
    }

    public var kind: Kind
    /// Index of the op in the sequence (and of the step inside a concurrent group).
    public var opIndex: Int
    public var step: ExploreStep
    public var summary: String
    public var mismatches: [Mismatch]
    /// Assertions for the written case's failing step.
    var checks: [CaseCheck]

    /// What makes two disagreements the same breach, for de-duplication and for deciding whether a
    /// shrunk sequence still shows it: a status on the same kind of request; a wrong stored value
    /// at the same top-level member, whether a PATCH response or a later read shows it first; the
    /// same shape, header or timestamp rule.
    public var signature: String {
        let member = mismatches.first?.pointer.map { "/" + ($0.split(separator: "/").first.map(String.init) ?? "") } ?? ""
        switch kind {
        case .status, .transport: return "\(kind.rawValue) \(step.method) \(step.action.kindName)"
        case .response, .readBack: return "stored value\(member)"
        case .shape, .header: return "\(kind.rawValue) \(checks.first.map { "\($0)" } ?? "")"
        case .list, .timestamp: return kind.rawValue
        }
    }
}

/// One assertion the case writer turns into an `expect` entry (cases/README.md "expect").
enum CaseCheck: Sendable, Hashable {
    case at(pointer: String, value: String)  // value as JSON text
    case isNull(pointer: String)
    case shape(String)
    case errorShape
    case contains(handle: String)
    case notContains(handle: String)
    /// The list's element with this handle's id has these members (JSON object text): a subset
    /// match, so a stale or wrong list entry fails it (reference §9.1: the list shows the item).
    case listEntry(handle: String, members: String)
    /// `/lastModifiedDateTime` later than the body of an earlier op.
    case later(afterOp: Int)
    case jsonContentType
}

extension ExploreStep.Action {
    var kindName: String {
        switch self {
        case .create: "create"
        case .patch(_, .json(_, let kind)): "patch(\(kind.rawValue))"
        case .patch(_, .raw): "patch(raw)"
        case .get: "get"
        case .list: "list"
        case .delete: "delete"
        }
    }
}
