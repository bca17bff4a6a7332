import CaseModel
import CurlClient
import Foundation
import Identifiers
import JSONShape
import Reporting

/// Getting answers: sending with bounded retries, following pages, reading what came back.
extension CaseExecution {
    /// Sends one request, retrying throttled (429) and unavailable (503) answers that carry
    /// `Retry-After`, within the run's retry bounds.
    func send(_ request: HTTPRequest, operation: OperationKey, label: String, phase: Phase, state: inout CaseState, remaining: Double,
              location: SourceLocation) throws(Stop) -> HTTPResponse {
        var options = context.settings.transfer
        // An interrupted run stops waiting at once; teardowns still finish unless interrupted twice.
        // Past the run deadline only teardowns may still wait for an answer.
        if phase == .teardown {
            options.shouldAbort = context.hardStopRequested
        } else {
            let context = context
            options.shouldAbort = { context.stopRequested() || context.runDeadlinePassed }
        }
        if request.headers.contains(where: { $0.hasName("Authorization") }),
            context.replay == nil, context.origin?.allows(request.url) != true
        {
            throw .error(.tokenWouldLeave(request.url, label: "\(label) \(request.method)", location: location.description))
        }
        let policy = context.settings.retry
        var waited = 0.0
        var attempt = 0
        let started = Date()
        while true {
            var attemptRequest = request
            let clientRequestID = RandomUUID.string()
            if attemptRequest.headers.contains(where: { $0.hasName("client-request-id") }) == false {
                attemptRequest.headers.append(HTTPHeader(name: "client-request-id", value: clientRequestID))
            }
            let idSent = attemptRequest.headers.first { $0.hasName("client-request-id") }?.value ?? clientRequestID
            state.clientRequestIDs.append(idSent)
            let left = remaining - Date().timeIntervalSince(started)
            let runLeft = phase == .teardown ? Double.infinity : context.runSecondsLeft
            options.totalTimeout = max(0.5, min(context.settings.transfer.totalTimeout, left, runLeft))
            if context.replay == nil {
                try admit(operation, label: label, request: request, phase: phase, state: &state, location: location)
            }
            state.transcript.request(attemptRequest)
            let sent = Date()
            let response: HTTPResponse
            state.sequence += 1
            do throws(TransportError) {
                if let replay = context.replay {
                    response = try replay.next(caseKey: caseKey)
                } else {
                    do throws(TransportError) {
                        response = try session.perform(attemptRequest, options: options)
                    } catch {
                        context.operations.finished(operation, status: nil, timedOut: error.kind == .timeout)
                        throw error
                    }
                    context.operations.finished(operation, status: response.status, timedOut: false)
                }
            } catch {
                if error.kind == .aborted, context.stopRequested() {
                    state.transcript.note("interrupted while waiting for an answer")
                    throw .error(Problem(type: "run.interrupted", message: "\(label) \(request.method): interrupted while waiting for an answer",
                                         detail: "\(label) \(request.method) \(request.url)\nthe run was interrupted (SIGINT/SIGTERM) while this request was in flight\n  at \(location)"))
                }
                if phase != .teardown, context.runDeadlinePassed, error.kind == .aborted || error.kind == .timeout {
                    state.transcript.note("run deadline passed while waiting for an answer")
                    throw .error(.runDeadline(seconds: context.settings.maxRunSeconds, before: "while \(label) \(request.method) waited for an answer",
                                              location: location.description))
                }
                if error.kind == .connect || error.kind == .timeout || error.kind == .resolve { context.circuit.recordFailure(sentAt: sent) }
                state.transcript.note("transport error: \(error.kind.rawValue): \(error.message)")
                throw .error(Problem(type: "transport.\(error.kind.rawValue)", message: "\(label) \(request.method): \(error.message)",
                                     detail: "\(label) \(request.method) \(request.url)\ncould not get an answer: \(error.kind.rawValue) (curl \(error.curlCode)): \(error.message)\n  at \(location)"))
            }
            context.circuit.recordAnswer()
            context.httpVersions.record(response.httpVersion)
            context.concurrency.observe(status: response.status, sent: sent)  // feeds the adaptive limit (ConcurrencyGate)
            context.tokenRejections.record(attemptRequest, status: response.status)
            let seconds = Date().timeIntervalSince(sent)
            state.transcript.response(response, seconds: seconds)
            context.recorder?.record(caseKey: caseKey, sequence: state.sequence, request: attemptRequest, response: response, started: sent, seconds: seconds)
            guard response.status == 429 || response.status == 503,
                let delay = Self.retryAfter(response.header("Retry-After")),
                attempt < policy.maxRetries, delay <= policy.maxDelayPerRetry, waited + delay <= policy.maxTotalDelay,
                Date().timeIntervalSince(started) + delay < remaining
            else {
                return response
            }
            attempt += 1
            waited += delay
            state.retries.append(RetryNote(status: response.status, retryAfterSeconds: delay, request: "\(request.method) \(request.url)"))
            state.transcript.note("\(response.status) with Retry-After \(delay) s: retry \(attempt) of at most \(policy.maxRetries)")
            if context.replay == nil { Thread.sleep(forTimeInterval: delay) }
        }
    }

    /// Lets the request go unless its operation's breaker is open (then the case is an error at
    /// once); timeouts, curl's low-speed abort of a dripping answer included, feed the breaker.
    /// Teardowns are never held back: cleanup matters more than speed.
    private func admit(_ operation: OperationKey, label: String, request: HTTPRequest, phase: Phase, state: inout CaseState,
                       location: SourceLocation) throws(Stop) {
        let context = context
        let giveUp = { context.stopRequested() || context.runDeadlinePassed }
        guard context.operations.admit(operation, always: phase == .teardown, giveUp: giveUp) == .open else { return }
        state.transcript.note("\(label): \(operation) is not answering; not sent")
        throw .error(.operationSilent(operation, label: "\(label) \(request.method)", url: request.url,
                                      threshold: context.operations.threshold, location: location.description))
    }

    /// Follows `@odata.nextLink` (at most 100 pages, same scheme/host/port as the target only, so the
    /// token never travels elsewhere) and joins every page's `value` into the first page's body.
    func followPages(_ observed: inout ObservedResponse, request: HTTPRequest, operation: OperationKey, label: String, phase: Phase, state: inout CaseState,
                             remaining: Double, location: SourceLocation) throws(Stop) {
        guard observed.status == 200, case .object(var first)? = observed.json, var items = first["value"]?.arrayValue else { return }
        var next = first["@odata.nextLink"]?.stringValue
        var pages = 1
        while let link = next {
            guard context.replay != nil || context.origin?.allows(link) == true else {
                throw .failed(.foreignOrigin(link, label: label, location: location.description))
            }
            guard pages < 100 else {
                let message = "\(label): more than 100 pages of @odata.nextLink"
                throw .failed(Problem(type: "graph.contract-mismatch", message: message, detail: message + "\n  at \(location)"))
            }
            var pageRequest = HTTPRequest(method: "GET", url: link, headers: request.headers, body: nil)
            pageRequest.headers.removeAll { $0.hasName("Content-Type") }
            let page = Self.observe(try send(pageRequest, operation: operation, label: "\(label) page \(pages + 1)", phase: phase, state: &state, remaining: remaining, location: location))
            guard page.status == 200, let body = page.json, let more = body["value"]?.arrayValue else {
                let message = "\(label): page \(pages + 1) (@odata.nextLink) answered \(page.status) without a value array"
                throw .failed(Problem(type: "graph.contract-mismatch", message: message, detail: message + "\n  at \(location)"))
            }
            items += more
            next = body["@odata.nextLink"]?.stringValue
            pages += 1
        }
        first["value"] = .array(items)
        first["@odata.nextLink"] = nil
        observed.json = .object(first)
        if pages > 1 { state.transcript.note("\(label): joined \(pages) pages, \(items.count) items") }
    }

    /// Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    static func retryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    static func observe(_ response: HTTPResponse) -> ObservedResponse {
        var observed = ObservedResponse(status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body)
        if !response.body.isEmpty {
            do {
                observed.json = try JSONParser.parse(response.body).value
            } catch {
                observed.jsonError = response.bodyTruncated ? "body cut at \(response.body.count) bytes" : error.description
            }
        }
        return observed
    }
}
