/// The area of a case file: the first folder under the catalogue root (`auth`, `partial`,
/// `preservation`, …), which is how the README's table and a reader group the suite.
///
/// The root is not in the report, so it is taken as the folder all case files share: for the
/// whole catalogue that is `cases/`; when every file sits in one folder, that folder is the area.
enum CaseArea {
    /// One area per path, in order. A path without a folder (or empty) gets "other".
    static func areas(of paths: [String]) -> [String] {
        let folders = paths.map { path -> [Substring] in
            Array(path.split(separator: "/", omittingEmptySubsequences: true).dropLast())
        }
        let withFolder = folders.filter { !$0.isEmpty }
        var common = withFolder.first ?? []
        for folder in withFolder.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        return folders.map { folder in
            if folder.count > common.count { return String(folder[common.count]) }
            return folder.last.map(String.init) ?? "other"
        }
    }
}

extension CaseArea {
    /// Totals per area, in the order areas first appear; `areas` is `areas(of:)` of the suites.
    static func totals(of report: RunReport, areas: [String]) -> [(area: String, totals: ReportTotals)] {
        var order: [String] = []
        var sums: [String: ReportTotals] = [:]
        for (index, suite) in report.suites.enumerated() {
            if sums[areas[index]] == nil { order.append(areas[index]) }
            sums[areas[index], default: ReportTotals()] += ReportTotals(suite)
        }
        return order.map { ($0, sums[$0] ?? ReportTotals()) }
    }
}
