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
        var detail = block(problem.detail)
        // Mismatches are kept whole, as many as fit the element cap beside the detail (at least one).
        var mismatches: [Mismatch] = []
        var budget = policy.maxTextBytes - detail.utf8.count
        for item in problem.mismatches {
            let cleaned = mismatch(item)
            let size = cleaned.line.utf8.count + (cleaned.location?.utf8.count ?? 0) + 12
            if size > budget, !mismatches.isEmpty { break }
            budget -= size
            mismatches.append(cleaned)
        }
        if mismatches.count < problem.mismatches.count {
            detail += (detail.isEmpty ? "" : "\n") + "(\(mismatches.count) of \(problem.mismatches.count) mismatches shown; the rest were cut to fit the report)"
        }
        let firstLine = detail.split(whereSeparator: \.isNewline).first.map(String.init) ?? mismatches.first?.line ?? ""
        let type = typeToken(problem.type)
        let message = message(problem.message, or: message(firstLine, or: type))
        // GitLab shows only the text, so it must never be empty (rule 9).
        let empty = detail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        return Problem(type: type, message: message, detail: empty && mismatches.isEmpty ? message : empty ? "" : detail, mismatches: mismatches)
    }

    /// Every field one line, except the compared bodies, which are capped blocks.
    func mismatch(_ item: Mismatch) -> Mismatch {
        let field = { (text: String) in self.line(text, maxCharacters: 2048) }
        return Mismatch(
            subject: item.subject.map(field), pointer: item.pointer.map(field), expected: field(item.expected), actual: field(item.actual),
            location: item.location.map(field), comparison: item.comparison.map { Mismatch.Comparison(snapshot: block($0.snapshot), current: block($0.current)) })
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
