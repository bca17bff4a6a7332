/// A small inline SVG: one stacked bar per area (passed, failed, errors, skipped), so a reader
/// sees at a glance where the target breaks. Each bar links to the area's filter and carries
/// its numbers in words (label and `<title>`), so colour is never the only signal.
struct HTMLAreaChart {
    let rows: [(area: String, totals: ReportTotals)]

    static let labelWidth = 120
    static let barWidth = 420
    static let rowHeight = 20

    func rendered() -> String {
        guard !rows.isEmpty else { return "" }
        let largest = max(1, rows.map(\.totals.tests).max() ?? 1)
        let height = rows.count * Self.rowHeight + 4
        let width = Self.labelWidth + Self.barWidth + 240
        var out = "<figure id=\"areas\"><svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
        out += " width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
        out += " aria-labelledby=\"areas-caption\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * Self.rowHeight + 2
            let words = Self.words(row.totals)
            out += "<a href=\"#area=\(HTMLText.attribute(row.area))\" data-area=\"\(HTMLText.attribute(row.area))\">"
            out += "<title>\(HTMLText.text(row.area)): \(words)</title>"
            out += "<text x=\"0\" y=\"\(y + 13)\">\(HTMLText.text(row.area))</text>"
            var x = Self.labelWidth
            for (kind, count) in [("passed", row.totals.passed), ("failed", row.totals.failures),
                                  ("error", row.totals.errors), ("skipped", row.totals.skipped)] where count > 0 {
                let width = max(2, count * Self.barWidth / largest)
                out += "<rect class=\"b-\(kind)\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(Self.rowHeight - 6)\"/>"
                x += width
            }
            out += "<text x=\"\(x + 6)\" y=\"\(y + 13)\">\(words)</text></a>\n"
        }
        out += "</svg><figcaption id=\"areas-caption\" class=\"legend\">Results per area "
        out += "(<span class=\"n-passed\">passed</span>, <span class=\"n-failed\">failed</span>, "
        out += "<span class=\"n-error\">errors</span>, <span class=\"n-skipped\">skipped</span>)</figcaption></figure>\n"
        return out
    }

    /// "9 tests: 7 passed, 2 failed" with only the non-zero parts after the passed count.
    static func words(_ totals: ReportTotals) -> String {
        var parts = ["\(totals.passed) passed"]
        if totals.failures > 0 { parts.append("\(totals.failures) failed") }
        if totals.errors > 0 { parts.append("\(totals.errors) errors") }
        if totals.skipped > 0 { parts.append("\(totals.skipped) skipped") }
        return "\(totals.tests) tests: " + parts.joined(separator: ", ")
    }
}
