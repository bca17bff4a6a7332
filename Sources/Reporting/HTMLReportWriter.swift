/// Renders a `RunReport` as one self-contained HTML page for people: verdict, counts, the run's
/// facts and policies, a chart per area, and every failing case with its pointers, snapshot
/// side by side, retries and folded transcript; filters and search when JavaScript runs.
///
/// The page is prepared exactly as the JUnit file is (`ReportPreparer`: same redactions, same
/// names, same counts); every piece of text is escaped on output, so what a server sent can only
/// ever show as text. Pure: same input, same bytes.
///
/// ```html
/// <article class="case failed" id="case-0-0" data-outcome="failed" data-area="partial" data-tags="partial">
///   <h3><span class="badge b-failed">FAIL</span> PATCH detail alone</h3>
///   <p class="where"><code>cases/partial/settable-properties.yaml:88:11</code> …</p>
///   <ul class="mismatches"><li><code class="ptr">/detail/startMonthYear</code> expected <code>Edm.Date</code>, got …
/// ```
public enum HTMLReportWriter {
    public static func render(_ report: RunReport, options: HTMLOptions = .init()) -> String {
        var policy = TextPolicy(maxTextBytes: max(0, options.maxTextBytes), secrets: options.secrets)
        var page = HTMLPage(ReportPreparer.prepare(report, policy: policy)).rendered()
        while page.utf8.count > options.maxFileBytes, let smaller = JUnitWriter.shrink(policy, maxFileBytes: options.maxFileBytes) {
            policy = smaller
            page = HTMLPage(ReportPreparer.prepare(report, policy: policy)).rendered()
        }
        return page
    }
}
