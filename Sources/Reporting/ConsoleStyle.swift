/// ANSI styling for the console, or none at all.
///
/// Colour is decided once, in `ConsoleReporter.init`; every styled string goes through here so a
/// colourless reporter cannot leak an escape code into a CI log.
struct ConsoleStyle: Sendable {
    let enabled: Bool

    /// Moves to column 0 and erases the line: how the TTY live line is rewritten.
    static let eraseLine = "\r\u{1B}[2K"

    func green(_ text: String) -> String { paint(text, "32") }
    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    /// Fixed-width status word for a case outcome, coloured by severity.
    func label(_ outcome: CaseOutcome) -> String {
        switch outcome {
        case .passed: green("PASS ")
        case .failed: red("FAIL ")
        case .error: red("ERROR")
        case .skipped: yellow("SKIP ")
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
