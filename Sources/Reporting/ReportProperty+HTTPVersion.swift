/// The run-level `target.httpVersion` property: which HTTP version the target's answers came over.
extension ReportProperty {
    public static let httpVersionName = "target.httpVersion"

    /// "2" when every response used HTTP/2; a mixed run lists each version with its response count,
    /// most used first ("2 (850), 1.1 (10)"); "none" when nothing answered.
    public static func httpVersion(responsesPerVersion counts: [String: Int]) -> ReportProperty {
        let ordered = counts.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let value: String = switch ordered.count {
        case 0: "none"
        case 1: ordered[0].key
        default: ordered.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        }
        return ReportProperty(name: httpVersionName, value: value)
    }
}
