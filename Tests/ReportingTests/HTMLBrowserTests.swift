import Foundation
import Reporting
import TestSupport
import Testing

/// The HTML report as a reader's browser shows it: real headless Chromium, JavaScript on and
/// off, filters driven by the URL fragment, the page's own policy enforced by the browser.
/// Serialized: each visit starts a whole browser, and two at once only slow each other down.
@Suite(.serialized, .enabled(if: HTMLBrowser.isAvailable, "chromium is not installed (Debian: apt-get install chromium); browser tests skipped"))
struct HTMLBrowserTests {
    static let page = HTMLReportWriter.render(HTMLFixtures.showcaseWithHTTPVersion)

    /// `<article …>` opening tags by case id, as the browser serialized them.
    static func articles(_ dom: String) -> [String: String] {
        var result: [String: String] = [:]
        for tag in HTMLReportTests.matches(#"<article [^>]*>"#, in: dom) {
            if let id = HTMLReportTests.matches(#"id="[^"]*""#, in: tag).first { result[id] = tag }
        }
        return result
    }

    static func isHidden(_ tag: String) -> Bool { tag.contains(" hidden") }

    @Test func withJavaScriptTheScriptRunsUnderThePolicyAndContentIsThere() async throws {
        let visit = try await offPool { try HTMLBrowser.visit(Self.page) }
        #expect(visit.dom.contains("data-js=\"on\""), "our script ran: its hash is in the policy")
        #expect(visit.console.filter { $0.contains("Content Security Policy") }.isEmpty, "\(visit.console)")
        #expect(visit.dom.contains("<b>3</b> failed"))
        #expect(visit.dom.contains("<code class=\"ptr\">/detail/jobTitle</code>: expected"))
        #expect(visit.dom.contains("6 of 6 cases shown"))
        #expect(!HTMLReportTests.matches(#"<nav id="filters"[^>]*>"#, in: visit.dom).first!.contains("hidden"), "filters shown")
        let row = try #require(HTMLReportTests.matches(#"<tr [^>]*data-pointer="/detail/jobTitle">"#, in: visit.dom).first)
        #expect(row.contains("class=\"chg bad\""), "the member that broke the snapshot is highlighted")
    }

    /// A server's `<script>`, `<img onerror>`, `<link>` and `@import` stay text: none runs, none loads.
    @Test func serverMarkupShowsAsTextAndNothingLeavesThePage() async throws {
        let visit = try await offPool { try HTMLBrowser.visit(Self.page) }
        #expect(HTMLReportTests.matches("<script", in: visit.dom).count == 1, "only our own script element")
        #expect(visit.dom.contains("&lt;script&gt;document.title='pwned'"))
        #expect(!visit.dom.contains("data-pwned=\"1\""), "the injected script did not run")
        #expect(!HTMLReportTests.matches(#"<title>[^<]*</title>"#, in: visit.dom).first!.contains("pwned"))
        let beacons = visit.requestedURLs.filter { $0.contains("127.0.0.1") }
        #expect(beacons.isEmpty, "requests to \(beacons)")
        let fetching = HTMLReportTests.matches(#"\s(?:src|href|action|srcset|poster|data)="(?:https?:)?//[^"]*""#, in: visit.dom)
        #expect(fetching.isEmpty, "\(fetching)")
    }

    @Test(.enabled(if: HTMLBrowser.canVisitWithoutJavaScript, "python3 is not installed: JavaScript-off visit skipped"))
    func withoutJavaScriptEverythingIsReadableAndNothingIsHidden() async throws {
        let visit = try await offPool { try HTMLBrowser.visit(Self.page, fragment: "outcome=passed", javaScript: false) }
        #expect(visit.dom.contains("data-js=\"off\""))
        #expect(visit.dom.contains("<b>6</b> tests"))
        #expect(visit.dom.contains("<code class=\"ptr\">/detail/company/displayName</code>"))
        #expect(visit.dom.contains("<pre class=\"detail\">step 1 PATCH"))
        let articles = Self.articles(visit.dom)
        #expect(articles.count == 6)
        #expect(articles.values.allSatisfy { !Self.isHidden($0) })
        #expect(HTMLReportTests.matches(#"<nav id="filters"[^>]*>"#, in: visit.dom).first?.contains("hidden") == true,
                "controls that would do nothing stay hidden")
    }

    @Test(arguments: [
        // fragment, case ids left visible
        ("outcome=passed", ["case-0-1"]),
        ("outcome=failed,error", ["case-0-0", "case-1-0", "case-2-0", "case-2-1"]),
        ("area=auth", ["case-1-0", "case-1-1"]),
        ("tag=inferred", ["case-1-1"]),
        ("q=startmonthyear", ["case-2-0"]),
        ("outcome=failed&area=partial", ["case-2-0"]),
    ])
    func filtersFromTheFragmentHideTheRest(_ fragment: String, _ visible: [String]) async throws {
        let visit = try await offPool { try HTMLBrowser.visit(Self.page, fragment: fragment) }
        let articles = Self.articles(visit.dom)
        #expect(articles.count == 6)
        let shown = articles.filter { !Self.isHidden($0.value) }.keys.map { String($0.dropFirst(4).dropLast()) }.sorted()
        #expect(shown == visible.sorted())
        #expect(visit.dom.contains("\(visible.count) of 6 cases shown"))
    }
}
