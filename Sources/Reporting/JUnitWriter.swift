/// Renders a `RunReport` as JUnit XML that validates against the Jenkins xUnit schema
/// (`jenkins-xunit-junit-10.xsd`) and reads correctly in Jenkins, GitLab, the GitHub actions and
/// Azure DevOps. Pure: same input, same bytes.
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <testsuites name="graph-conformance" tests="2" failures="1" errors="0" time="0.350">
///   <testsuite name="patch-partial" tests="2" failures="1" errors="0" skipped="0" time="0.350"
///              timestamp="2026-11-29T10:00:00Z" hostname="ci-1" id="0" package="graph" file="cases/patch/partial.yaml">
///     <properties>
///       <property name="run.id" value="r-1"/>
///     </properties>
///     <testcase name="PATCH jobTitle only" classname="graph.workPosition.patch" time="0.120">
///       <failure message="/detail/jobTitle: expected &quot;Engineer&quot;, got null" type="graph.contract-mismatch">…
///   at cases/patch/partial.yaml:12:5</failure>
///     </testcase>
///     …
/// ```
/// (The real output puts each suite's attributes on one line.)
public enum JUnitWriter {
    /// `package` of every suite. Jenkins prefixes suite names with it.
    static let package = "graph"

    /// Renders a report prepared once for every output. Only a document over
    /// `options.maxFileBytes` is prepared again, with smaller caps, from the runner's report.
    public static func render(_ prepared: PreparedReport, options: JUnitOptions = .init()) -> String {
        var current = prepared
        var document = JUnitDocument.render(current.report, options: options)
        while document.utf8.count > options.maxFileBytes, let smaller = shrink(current.policy, maxFileBytes: options.maxFileBytes) {
            current = PreparedReport(current.source, policy: smaller)
            document = JUnitDocument.render(current.report, options: options)
        }
        return document
    }

    /// Prepares `report` with `options.secrets` and `options.maxTextBytes`, then renders it.
    public static func render(_ report: RunReport, options: JUnitOptions = .init()) -> String {
        render(PreparedReport(report, secrets: options.secrets, maxTextBytes: options.maxTextBytes), options: options)
    }

    /// The next, smaller policy when the document is over `maxFileBytes`, or nil when nothing is
    /// left to cut (cases themselves are never dropped: the counts must stay true).
    static func shrink(_ policy: TextPolicy, maxFileBytes: Int) -> TextPolicy? {
        var next = policy
        next.truncationNote = "text cut to fit maxFileBytes=\(maxFileBytes)"
        if policy.keepPassingTranscripts {
            next.keepPassingTranscripts = false
            return next
        }
        let floor = 256
        guard policy.maxTextBytes > floor else { return nil }
        next.maxTextBytes = max(floor, policy.maxTextBytes / 2)
        return next
    }
}
