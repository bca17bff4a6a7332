import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Human-readable progress and summary on the terminal or in a CI log.
///
/// On a TTY one live line is rewritten in place (`\r` + erase) while cases run, and only failures
/// and errors stay on screen; elsewhere each finished case gets one plain line, because `\r` makes
/// CI logs unreadable. Colour only on a TTY, and never when `NO_COLOR` is set (https://no-color.org).
/// All server-derived text is sanitized and redacted as in the report files, so a response body
/// cannot move the cursor or leak a token into the log.
///
/// `@unchecked Sendable`: workers report from many threads; every mutable field (`liveLineShown`)
/// and every write to `output` is guarded by `lock`, so calls never interleave mid-line.
public final class ConsoleReporter: @unchecked Sendable {
    /// How much to print.
    public enum Verbosity: Sendable {
        /// No progress; the summary keeps only the failures and the final count line.
        case quiet
        /// One line per finished case (off a TTY), summary table, failures, count line.
        case normal
        /// Also a line per started case (off a TTY) and failure details as they happen.
        case verbose
    }

    public let isTTY: Bool
    public let color: Bool
    public let verbosity: Verbosity

    let output: FileHandle
    let style: ConsoleStyle
    let cleaner: TextCleaner
    private let columns: Int
    private let lock = NSLock()
    private var liveLineShown = false

    /// - Parameters:
    ///   - isTTY: nil detects with `isatty(3)` on `output`.
    ///   - color: the caller's wish (e.g. a `--no-color` flag); nil means "if possible". Honoured only
    ///     on a TTY and when `environment` has no non-empty `NO_COLOR` (and `TERM` is not "dumb").
    ///   - environment: injected so tests do not depend on the real environment.
    ///   - secrets: exact strings to redact on top of the built-in patterns.
    public init(
        output: FileHandle = .standardOutput,
        isTTY: Bool? = nil,
        color: Bool? = nil,
        verbosity: Verbosity = .normal,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        secrets: [String] = []
    ) {
        let tty = isTTY ?? (isatty(output.fileDescriptor) == 1)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        self.output = output
        self.isTTY = tty
        self.color = tty && !noColor && (color ?? true)
        self.verbosity = verbosity
        self.style = ConsoleStyle(enabled: self.color)
        self.cleaner = TextCleaner(policy: TextPolicy(maxTextBytes: 4096, secrets: secrets))
        self.columns = environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 20 ? $0 : nil } ?? 80
    }

    /// A case began. `index` is 0-based (as from `enumerated()`); it is shown 1-based.
    public func caseStarted(index: Int, total: Int, classname: String, name: String) {
        guard verbosity != .quiet else { return }
        let title = caseTitle(classname: classname, name: name)
        if isTTY {
            let head = counter(index, total)
            lock.withLock { writeLiveLine(head: head, headWidth: head.count, title: title) }
        } else if verbosity == .verbose {
            emit(counter(index, total) + " START " + title + "\n")
        }
    }

    /// A case ended. Passing and skipped cases only update the live line on a TTY; failures and
    /// errors are printed for good.
    public func caseFinished(index: Int, total: Int, _ result: CaseReport) {
        guard verbosity != .quiet else { return }
        let count = counter(index, total)
        let head = count + " " + style.label(result.outcome)
        let title = caseTitle(classname: result.classname, name: result.name)
            + " (" + ReportFormat.seconds(result.time) + "s)"
        let line = head + " " + title
        var details = ""
        if verbosity == .verbose {
            details = problemLines(result, indent: "    ").map { $0 + "\n" }.joined()
        }
        lock.withLock {
            switch (isTTY, result.outcome) {
            case (true, .passed), (true, .skipped):
                writeLiveLine(head: head, headWidth: count.count + 6, title: title)
            case (true, _):
                write(ConsoleStyle.eraseLine + line + "\n" + details)
                liveLineShown = false
            case (false, _):
                write(line + "\n" + details)
            }
        }
    }

    // MARK: - Shared with the summary

    /// "graph.workPosition.patch › PATCH jobTitle only", cleaned to one line (already clean in a
    /// prepared report, which the summary reads).
    func caseTitle(classname: String, name: String, prepared: Bool = false) -> String {
        prepared ? classname + " › " + name : cleaner.line(classname) + " › " + cleaner.line(name)
    }

    /// The problem's text (every mismatch with its pointer, up to a screenful), then
    /// "at LOCATION"; empty for passes and skips. A case from a prepared report is already
    /// cleaned and redacted; a live one is cleaned here.
    func problemLines(_ result: CaseReport, indent: String, prepared: Bool = false) -> [String] {
        let problem: Problem
        switch result.outcome {
        case .failed(let value), .error(let value): problem = prepared ? value : cleaner.problem(value)
        case .passed, .skipped: return []
        }
        let text = TextCap.bytes(problem.text, max: cleaner.policy.maxTextBytes)
        let detail = text.split(whereSeparator: \.isNewline).map(String.init)
        let shown = 40
        var lines = detail.isEmpty ? [indent + problem.type + ": " + problem.message] : detail.prefix(shown).map { indent + $0 }
        if detail.count > shown {
            lines.append(indent + "… \(detail.count - shown) more lines in the report")
        }
        if let location = result.location.map({ prepared ? $0 : cleaner.line($0) }), !location.isEmpty {
            lines.append(indent + "at " + location)
        }
        return lines
    }

    /// Writes text, first clearing the live line so output never lands in the middle of it.
    func emit(_ text: String) {
        lock.withLock {
            if liveLineShown {
                write(ConsoleStyle.eraseLine)
                liveLineShown = false
            }
            write(text)
        }
    }

    // MARK: - Private

    private func counter(_ index: Int, _ total: Int) -> String {
        let width = String(max(total, 1)).count
        let shown = String(index + 1)
        return "[" + String(repeating: " ", count: max(0, width - shown.count)) + shown + "/\(total)]"
    }

    /// Caller holds `lock`. `head` may carry colour codes, so its printed width is passed in; the
    /// title is cut to the terminal width, since a wrapped line cannot be rewritten with `\r`.
    private func writeLiveLine(head: String, headWidth: Int, title: String) {
        let room = max(8, columns - 1 - headWidth - 1)
        let shortTitle = title.count > room ? String(title.prefix(room - 1)) + "…" : title
        write(ConsoleStyle.eraseLine + head + " " + shortTitle)
        liveLineShown = true
    }

    /// Caller holds `lock`.
    private func write(_ text: String) {
        try? output.write(contentsOf: Data(text.utf8))
    }
}
