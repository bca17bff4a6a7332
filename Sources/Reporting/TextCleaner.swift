import Foundation

/// Applies a `TextPolicy` to single strings and to whole cases.
///
/// Order matters: ANSI codes and forbidden characters go first (so a colour code cannot hide a
/// token from the patterns), then secrets, then the size cap (so a cut cannot split a token into
/// pieces the patterns no longer recognise).
struct TextCleaner {
    let policy: TextPolicy

    /// Multi-line element text: sanitized, redacted, capped at `maxTextBytes`.
    func block(_ text: String) -> String {
        TextCap.bytes(redacted(text), max: policy.maxTextBytes)
    }

    /// Attribute-bound text: sanitized, redacted, one line; `fallback` when nothing is left.
    func line(_ text: String, or fallback: String = "", maxCharacters: Int = Int.max) -> String {
        let line = TextCap.oneLine(redacted(text), maxCharacters: maxCharacters)
        return line.isEmpty ? fallback : line
    }

    /// A `message` attribute: one short line.
    func message(_ text: String, or fallback: String) -> String {
        line(text, or: fallback, maxCharacters: TextCap.messageCharacters)
    }

    /// A namespaced type token. GitLab's Rails parser gives `type="yaml"`, `"integer"`, … special
    /// meaning (rule 11), so a token without a dot is put under "graph.".
    func typeToken(_ text: String) -> String {
        let token = line(text, maxCharacters: 200).replacingOccurrences(of: " ", with: "-")
        if token.isEmpty { return "graph.unknown" }
        return token.contains(".") ? token : "graph." + token
    }

    func problem(_ problem: Problem) -> Problem {
        let detail = block(problem.detail)
        let firstLine = detail.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let type = typeToken(problem.type)
        let message = message(problem.message, or: message(firstLine, or: type))
        // GitLab shows only the text, so it must never be empty (rule 9).
        let text = detail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? message : detail
        return Problem(type: type, message: message, detail: text, mismatches: problem.mismatches.map(mismatch))
    }

    /// Every field of a mismatch cleaned like the rest; snapshot bodies keep their lines.
    func mismatch(_ mismatch: Mismatch) -> Mismatch {
        Mismatch(
            pointer: mismatch.pointer.map { line($0) },
            expected: line(mismatch.expected, maxCharacters: 2048),
            actual: line(mismatch.actual, maxCharacters: 2048),
            location: mismatch.location.map { line($0) }.flatMap { $0.isEmpty ? nil : $0 },
            comparison: mismatch.comparison.map { Mismatch.Comparison(snapshot: block($0.snapshot), current: block($0.current)) })
    }

    /// A case with every text field cleaned; names are made unique by the caller.
    func caseReport(_ item: CaseReport, keepTranscript: Bool) -> CaseReport {
        let outcome: CaseOutcome
        var dropTranscript = false
        switch item.outcome {
        case .passed:
            outcome = .passed
            dropTranscript = !keepTranscript
        case .failed(let value): outcome = .failed(problem(value))
        case .error(let value): outcome = .error(problem(value))
        case .skipped(let reason): outcome = .skipped(reason: message(reason, or: "skipped"))
        }
        return CaseReport(
            classname: line(item.classname),
            name: line(item.name),
            time: item.time.isFinite && item.time > 0 ? item.time : 0,
            outcome: outcome,
            location: item.location.map { line($0) }.flatMap { $0.isEmpty ? nil : $0 },
            transcript: dropTranscript ? nil : item.transcript.map(block).flatMap { $0.isEmpty ? nil : $0 },
            retries: item.retries.map {
                RetryNote(status: $0.status, retryAfterSeconds: max(0, $0.retryAfterSeconds.isFinite ? $0.retryAfterSeconds : 0),
                          request: message($0.request, or: "request"))
            },
            clientRequestIDs: item.clientRequestIDs.map { line($0) }.filter { !$0.isEmpty },
            tags: item.tags.map { line($0) }.filter { !$0.isEmpty })
    }

    private func redacted(_ text: String) -> String {
        Redactor.redact(XMLText.sanitize(text), secrets: policy.secrets)
    }
}
