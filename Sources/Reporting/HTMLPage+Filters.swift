/// The filter bar: outcome boxes, area and tag lists, a search box. It is `hidden` in the markup
/// and shown by the script, so a reader without JavaScript never sees controls that do nothing.
extension HTMLPage {
    func filters(into out: inout String) {
        out += "<nav id=\"filters\" hidden aria-label=\"Filters\">\n"
        for (value, label) in [("failed", "failed"), ("error", "errors"), ("skipped", "skipped"), ("passed", "passed")] {
            out += "<label><input type=\"checkbox\" name=\"outcome\" value=\"\(value)\" checked> \(label)</label>\n"
        }
        out += "<label>area <select id=\"f-area\"><option value=\"\">all</option>"
        var seenAreas: Set<String> = []
        for area in areas where seenAreas.insert(area).inserted {
            out += "<option value=\"\(HTMLText.attribute(area))\">\(HTMLText.text(area))</option>"
        }
        out += "</select></label>\n<label>tag <select id=\"f-tag\"><option value=\"\">all</option>"
        let tags = Set(report.suites.flatMap { $0.cases.flatMap(\.tags) }).sorted()
        for tag in tags {
            out += "<option value=\"\(HTMLText.attribute(tag))\">\(HTMLText.text(tag))</option>"
        }
        out += "</select></label>\n"
        out += "<label><input type=\"search\" id=\"f-q\" placeholder=\"search names, pointers, messages\" aria-label=\"Search\"></label>\n"
        out += "<span id=\"f-shown\" class=\"meta\"></span>\n</nav>\n"
    }
}
