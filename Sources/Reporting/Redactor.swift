import Foundation

/// Replaces credentials in text with "[REDACTED]" before it reaches a report.
///
/// GitLab, Azure DevOps and the GitHub actions publish report contents to people who cannot see job
/// secrets (CONVENTIONS rule 22), so every writer runs text through here even though the runner has
/// already redacted it: defence in depth. Patterns err on the side of redacting too much.
public enum Redactor {
    /// The replacement for anything secret.
    public static let marker = "[REDACTED]"

    /// Redacts, in order: every listed secret string (longest first), the values of
    /// `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie` header lines,
    /// `Bearer <token>` and `Basic <base64>` credentials, and JWT-shaped `eyJ….….(…)` tokens.
    public static func redact(_ text: String, secrets: [String] = []) -> String {
        var result = text
        // UTF-8 lengths: O(1), where `count` walks every character of every token on each
        // comparison (this ran once per report field and showed up in profiles). Text shorter
        // than a secret cannot contain it.
        let length = text.utf8.count
        for secret in secrets.filter({ !$0.isEmpty && $0.utf8.count <= length }).sorted(by: { $0.utf8.count > $1.utf8.count }) {
            result = replacingAll(secret, in: result)
        }
        for rule in RedactionRule.all where rule.mightMatch(result) {
            result = rule.apply(to: result, marker: marker)
        }
        return result
    }

    /// Byte-level replacement of every non-overlapping occurrence, left to right (what
    /// `replacingOccurrences(of:with:)` did, without bridging the text to NSString).
    static func replacingAll(_ secret: String, in text: String) -> String {
        let needle = Array(secret.utf8)
        guard let first = needle.first, text.utf8.count >= needle.count else { return text }
        return text.utf8.withContiguousStorageIfAvailable { hay -> String in
            var output: [UInt8] = []
            var runStart = 0, index = 0, found = false
            let last = hay.count - needle.count
            while index <= last {
                if hay[index] == first, needle.indices.allSatisfy({ hay[index + $0] == needle[$0] }) {
                    if !found { output.reserveCapacity(hay.count); found = true }
                    output.append(contentsOf: hay[runStart..<index])
                    output.append(contentsOf: marker.utf8)
                    index += needle.count
                    runStart = index
                } else {
                    index += 1
                }
            }
            guard found else { return text }
            output.append(contentsOf: hay[runStart...])
            return String(decoding: output, as: UTF8.self)
        } ?? text.replacingOccurrences(of: secret, with: marker)
    }
}
