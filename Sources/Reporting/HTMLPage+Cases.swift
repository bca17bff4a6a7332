/// Suites and cases: every case is one `<article>` with the data the filters read
/// (`data-outcome`, `data-area`, `data-tags`); failing ones show everything a reader needs.
extension HTMLPage {
    func suite(_ suite: SuiteReport, index: Int, into out: inout String) {
        let area = areas[index]
        let totals = ReportTotals(suite)
        out += "<section class=\"suite\" id=\"suite-\(index)\" data-area=\"\(HTMLText.attribute(area))\">\n"
        out += "<h2>\(HTMLText.text(area)) › \(HTMLText.text(suite.name))</h2>\n"
        out += "<p class=\"meta\">"
        if !suite.file.isEmpty { out += "<code>\(HTMLText.text(suite.file))</code> · " }
        out += HTMLAreaChart.words(totals) + "</p>\n"
        for (caseIndex, item) in suite.cases.enumerated() {
            testCase(item, id: Self.caseID(suite: index, item: caseIndex), area: area, into: &out)
        }
        out += "</section>\n"
    }

    private func testCase(_ item: CaseReport, id: String, area: String, into out: inout String) {
        // The outcome word is the CSS class and what the outcome filter matches.
        let kind = item.outcome.kind
        out += "<article class=\"case \(kind)\" id=\"\(id)\" data-outcome=\"\(kind)\" data-area=\"\(HTMLText.attribute(area))\""
        out += " data-tags=\"\(HTMLText.attribute(item.tags.joined(separator: " ")))\">\n"
        out += "<h3>\(Self.badge(item.outcome))\(HTMLText.text(item.name))</h3>\n"
        out += "<p class=\"where\">"
        if let location = item.location { out += "<code class=\"loc\">\(HTMLText.text(location))</code> · " }
        out += "\(HTMLText.text(item.classname)) · \(ReportFormat.seconds(item.time)) s"
        for tag in item.tags { out += "<span class=\"tag\">\(HTMLText.text(tag))</span>" }
        out += "</p>\n"
        switch item.outcome {
        case .passed: break
        case .skipped(let reason): out += "<p class=\"msg\">Skipped: \(HTMLText.text(reason))</p>\n"
        case .failed(let problem), .error(let problem): self.problem(problem, into: &out)
        }
        retries(item.retries, into: &out)
        if !item.clientRequestIDs.isEmpty {
            out += "<p class=\"meta\">client-request-id: <code>"
                + item.clientRequestIDs.map(HTMLText.text).joined(separator: "</code>, <code>") + "</code></p>\n"
        }
        if let transcript = item.transcript {
            out += "<details class=\"transcript\"><summary>Transcript (redacted)</summary><pre>\(HTMLText.text(transcript))</pre></details>\n"
        }
        out += "</article>\n"
    }

    /// Headline, then every mismatch by pointer and each snapshot side by side; without typed
    /// mismatches the problem's own text is the content, shown open.
    private func problem(_ problem: Problem, into out: inout String) {
        out += "<p class=\"msg\"><span class=\"type\">\(HTMLText.text(problem.type))</span>: \(HTMLText.text(problem.message))</p>\n"
        guard !problem.mismatches.isEmpty else {
            out += "<pre class=\"detail\">\(HTMLText.text(problem.detail))</pre>\n"
            return
        }
        out += "<ul class=\"mismatches\">\n"
        for mismatch in problem.mismatches {
            out += "<li>\(Self.pointerLabel(mismatch.pointer)): expected <code>\(HTMLText.text(mismatch.expected))</code>,"
            out += " got <code>\(HTMLText.text(mismatch.actual))</code>"
            if let location = mismatch.location { out += " <span class=\"where\">at <code>\(HTMLText.text(location))</code></span>" }
            out += "</li>\n"
        }
        out += "</ul>\n"
        // One view per distinct pair of bodies: an `unchanged` check repeats its comparison on
        // every member it reports.
        var shown: Set<Mismatch.Comparison> = []
        for comparison in problem.mismatches.compactMap(\.comparison) where shown.insert(comparison).inserted {
            let pointers = problem.mismatches.filter { $0.comparison == comparison }.compactMap(\.pointer)
            out += HTMLSideBySide(comparison: comparison, unexpected: pointers).rendered()
        }
        out += "<details class=\"detail\"><summary>Full message</summary><pre>\(HTMLText.text(problem.detail))</pre></details>\n"
    }

    static func pointerLabel(_ pointer: String?) -> String {
        switch pointer {
        case nil: "<span class=\"ptr\">response</span>"
        case ""?: "<code class=\"ptr\">(whole body)</code>"
        case let pointer?: "<code class=\"ptr\">\(HTMLText.text(pointer))</code>"
        }
    }

    private func retries(_ retries: [RetryNote], into out: inout String) {
        guard !retries.isEmpty else { return }
        out += "<div class=\"retries\">Retried \(retries.count)×:<ul>\n"
        for retry in retries {
            out += "<li>\(retry.status) — waited \(ReportFormat.shortSeconds(retry.retryAfterSeconds)) (Retry-After) — "
            out += "<code>\(HTMLText.text(retry.request))</code></li>\n"
        }
        out += "</ul></div>\n"
    }
}
