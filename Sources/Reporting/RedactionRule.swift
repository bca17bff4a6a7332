import Foundation

/// One credential pattern and how much of a match to keep.
///
/// Patterns are compiled once; `NSRegularExpression` is immutable after creation and documented as
/// safe to share between threads, which is what the `@unchecked Sendable` wrapper relies on.
struct RedactionRule: @unchecked Sendable {
    /// Words of which one must occur (case-insensitively) for the pattern to possibly match; lets
    /// the common case of clean text skip the regular expression.
    let hints: [String]
    /// The hints as lower-cased bytes, made once: the test runs on every field of every report.
    private let hintNeedles: [[UInt8]]
    let expression: NSRegularExpression
    /// Template keeping the non-secret part of a match, with `$MARKER` for the replacement.
    let template: String

    static let all: [RedactionRule] = [
        // Header lines: keep the name, drop the whole value (covers schemes we do not know).
        RedactionRule(
            hints: ["authorization", "cookie"],
            pattern: #"(?im)^([ \t<>]*(?:proxy-)?(?:authorization|cookie|set-cookie)[ \t]*:[ \t]*)[^\r\n]+"#,
            template: "$1$MARKER"
        ),
        RedactionRule(
            hints: ["bearer"],
            pattern: #"(?i)\b(bearer)[ \t]+[A-Za-z0-9\-._~+/]+=*"#,
            template: "$1 $MARKER"
        ),
        // "Basic" is an ordinary word too, so demand a base64-looking credential of 8+ characters.
        RedactionRule(
            hints: ["basic"],
            pattern: #"(?i)\b(basic)[ \t]+[A-Za-z0-9+/]{8,}=*"#,
            template: "$1 $MARKER"
        ),
        // JWT/JWS: base64url JSON header ("eyJ"), payload, optional (possibly empty) signature.
        RedactionRule(
            hints: ["eyJ"],
            pattern: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?"#,
            template: "$MARKER"
        ),
    ]

    init(hints: [String], pattern: String, template: String) {
        self.hints = hints
        hintNeedles = hints.map { hint in hint.utf8.map { $0 | 0x20 } }
        // The patterns are literals above; a typo must fail loudly in the first test run.
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("invalid redaction pattern \(pattern): \(error)")
        }
        self.template = template
    }

    func mightMatch(_ text: String) -> Bool {
        hintNeedles.contains { Self.containsASCIICaseInsensitive(text, needle: $0) }
    }

    /// ASCII case-insensitive substring test on the UTF-8 bytes (hints are ASCII words); `needle` is
    /// the hint's bytes with 0x20 set (lower case for letters).
    private static func containsASCIICaseInsensitive(_ text: String, needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var utf8 = text
        return utf8.withUTF8 { hay in
            guard hay.count >= needle.count else { return false }
            var index = 0
            let last = hay.count - needle.count
            while index <= last {
                if hay[index] | 0x20 == first {
                    var matched = true
                    for offset in 1..<needle.count where hay[index + offset] | 0x20 != needle[offset] { matched = false; break }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }

    func apply(to text: String, marker: String) -> String {
        let replacement = template.replacingOccurrences(
            of: "$MARKER", with: NSRegularExpression.escapedTemplate(for: marker))
        return expression.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }
}
