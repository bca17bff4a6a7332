/// Escaping for the HTML report: every string that did not come from this file goes through here.
///
/// `XMLText` already strips terminal escapes, makes control characters visible and escapes
/// `& < > "`; in HTML that is enough for element text and for double-quoted attributes, which are
/// the only kind the report writes. `<script>`, `<style>` and event-handler attributes are never
/// built from data, so no other escaping context exists.
enum HTMLText {
    /// Element text (inside `<pre>` too: line breaks are kept).
    static func text(_ value: String) -> String {
        XMLText.escapeText(value)
    }

    /// A double-quoted attribute value, on one line.
    static func attribute(_ value: String) -> String {
        XMLText.escapeAttribute(value)
    }
}
