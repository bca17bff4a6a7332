/// The summary's target line, "Target: https://host/beta over HTTP/2", from the report properties.
extension ConsoleReporter {
    static func targetLine(_ report: RunReport) -> String? {
        let value = { (name: String) in report.properties.first { $0.name == name }?.value }
        guard let baseURL = value("target.baseURL") else { return nil }
        guard let version = value(ReportProperty.httpVersionName), version != "none" else { return "Target: \(baseURL)" }
        return "Target: \(baseURL) over HTTP/\(version)"
    }
}
