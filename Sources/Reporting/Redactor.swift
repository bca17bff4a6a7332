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
        for secret in secrets.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: secret, with: marker)
        }
        for rule in RedactionRule.all where rule.mightMatch(result) {
            result = rule.apply(to: result, marker: marker)
        }
        return result
    }
}
