import CaseModel
import CurlClient
import Foundation
import Identifiers
import JSONShape
import Reporting

/// Runs one planned case on one worker's curl session: setup, steps, then teardown (always).
struct CaseExecution {
    let planned: PlannedCase
    let context: RunContext
    let session: CurlSession

    enum Phase: String { case setup, step, teardown }

    /// Why a case stopped early: a contract mismatch (failure) or something that kept it from being judged (error).
    enum Stop: Error {
        case failed(Problem)
        case error(Problem)
    }

    func run() -> CaseReport {
        let started = Date()
        var report = CaseReport(
            classname: planned.file.classname, name: planned.displayName, time: 0, outcome: .passed,
            location: planned.definition.location.description, transcript: nil, retries: [], clientRequestIDs: []
        )
        if let reason = skipReason() {
            report.outcome = .skipped(reason: reason)
            return report
        }
        var state = CaseState(bindings: Bindings(builtins: builtins()), transcript: Transcript(bodyLimit: context.settings.transcriptBodyLimit))
        let deadline = started.addingTimeInterval(context.settings.caseDeadline)
        let file = planned.file, definition = planned.definition
        do {
            try runSteps(file.setup + definition.setup, phase: .setup, state: &state, deadline: deadline)
            try runSteps(definition.steps, phase: .step, state: &state, deadline: deadline)
        } catch {
            switch error {
            case .failed(let problem): report.outcome = .failed(problem)
            case .error(let problem): report.outcome = .error(problem)
            }
        }
        // Teardown always runs, on its own budget; its problems are recorded, never hidden, but
        // they do not turn a verdict about the contract into another one.
        let teardownDeadline = Date().addingTimeInterval(context.settings.teardownBudget)
        do {
            try runSteps(definition.teardown + file.teardown, phase: .teardown, state: &state, deadline: teardownDeadline)
        } catch {
            switch error {
            case .failed(let problem), .error(let problem):
                state.transcript.note("teardown problem: \(problem.message)")
                state.teardownFailed = true
            }
        }
        report.time = Date().timeIntervalSince(started)
        report.retries = state.retries
        report.clientRequestIDs = state.clientRequestIDs
        let passed = { if case .passed = report.outcome { true } else { false } }()
        // A case the breaker kept from its operation was never judged; its transcript (setup and
        // teardown that went fine) says nothing the reason does not, and writing a hundred of them
        // would cost a hostile run more time than the breaker saved.
        let heldBack = report.outcome.problem?.type == "transport.operation-silent" && !state.teardownFailed
        // At the source, with the tokens: a RunReport never holds a credential, whoever renders it.
        if !heldBack, !passed || context.settings.keepPassingTranscripts || !state.warnings.isEmpty {
            report.transcript = Redactor.redact(state.transcript.text, secrets: context.secrets)
        }
        return report
    }

    private func skipReason() -> String? {
        if let replay = context.replay, replay.bindings[caseKey] == nil {
            return "not in the recording \(replay.path) (skipped or absent when it was recorded)"
        }
        for condition in planned.definition.when {
            let actual = context.target.policies[condition.policy] ?? .null
            if !condition.accepted.contains(actual) {
                let wanted = condition.accepted.map { $0.stringValue ?? $0.rendered() }.joined(separator: " or ")
                return "needs policy \(condition.policy)=\(wanted); target '\(context.target.name)' has \(actual.stringValue ?? actual.rendered())"
            }
        }
        for principal in planned.principals.sorted() {
            if context.target.principals[principal] == nil {
                return "target '\(context.target.name)' has no principal '\(principal)'"
            }
            if let failure = context.tokenFailures[principal] {
                return "no token for principal '\(principal)': \(failure)"
            }
        }
        return nil
    }

    /// The key a recording files this case's exchanges under.
    var caseKey: String { "\(planned.file.classname)/\(planned.displayName)" }

    private func builtins() -> [String: JSONValue] {
        var values = freshBuiltins()
        // A replay resolves `${uuid}`, `${now}`… to what the recorded run used, or its recorded
        // answers (echoed ids, timestamps) would not match.
        if let recorded = context.replay?.bindings[caseKey]?.objectValue {
            for (name, value) in recorded { values[name] = value }
        }
        if let recorder = context.recorder {
            let kept = BuiltinVariable.allCases.filter(\.isRecordedForReplay).compactMap { variable in
                values[variable.rawValue].map { (key: variable.rawValue, value: $0) }
            }
            recorder.recordBindings(caseKey: caseKey, values: .object(JSONObject(kept)))
        }
        return values
    }

    private func freshBuiltins() -> [String: JSONValue] {
        let now = Date()
        let stamp = Self.timestamp(now)
        var users = JSONObject()
        for (name, _) in context.target.principals {
            if let user = context.target.user(of: name) {
                users[name] = ["id": .string(user.id), "upn": .string(user.upn)]
            }
        }
        var values: [String: JSONValue] = [:]
        for variable in BuiltinVariable.allCases {
            values[variable.rawValue] = switch variable {
            case .uuid: .string(RandomUUID.string())
            case .now: .string(stamp)
            case .today: .string(String(stamp.prefix(10)))
            case .runId: .string(context.settings.runID)
            case .baseUrl: .string(context.settings.baseURL)
            case .user: .object(users)
            case .policy: .object(JSONObject(context.target.policies.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }))
            }
        }
        for (name, value) in planned.matrixValues { values[name] = value }
        return values
    }

    /// The pause a `wait` asks for. For `precisionOf`, trailing zeros do not count as precision (a
    /// server that stores whole seconds but prints `.0000000` still needs the full second); an
    /// unreadable timestamp gets the longest pause, the safe side.
    static func seconds(for wait: Wait, bindings: Bindings) -> Double {
        switch wait {
        case .seconds(let seconds):
            return seconds
        case .precisionOf(let template):
            guard let text = (try? bindings.resolve(text: template))?.stringValue, DateTimeOffsetValue(text) != nil else { return 1.1 }
            let afterSeconds = text.split(separator: "T").last ?? ""
            var fraction = ""
            if let dot = afterSeconds.firstIndex(of: ".") {
                fraction = String(afterSeconds[afterSeconds.index(after: dot)...].prefix { $0.isNumber })
            }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return 1.1 * pow(10, -Double(fraction.count))
        }
    }

    /// RFC 3339 UTC to the second, the form `${now}` promises (cases/README.md, "Variables").
    static func timestamp(_ date: Date) -> String {
        UTCDateTime.rfc3339(secondsSince1970: date.timeIntervalSince1970)
    }

    // MARK: Steps

    private func runSteps(_ steps: [Step], phase: Phase, state: inout CaseState, deadline: Date) throws(Stop) {
        for (index, step) in steps.enumerated() {
            let label = "\(phase.rawValue) \(index + 1)" + (step.name.map { " '\($0)'" } ?? "")
            if phase != .teardown, context.stopRequested() {
                throw .error(Problem(type: "run.interrupted", message: "interrupted before \(label)", detail: "the run was interrupted (SIGINT/SIGTERM) before \(label)"))
            }
            if phase != .teardown, context.runDeadlinePassed {
                throw .error(.runDeadline(seconds: context.settings.maxRunSeconds, before: "before \(label)", location: step.location.description))
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw .error(Problem(type: "case.deadline", message: "case deadline of \(Int(context.settings.caseDeadline)) s passed before \(label)",
                                     detail: "the case ran out of time before \(label)\n  at \(step.location)"))
            }
            try runStep(step, label: label, phase: phase, state: &state, remaining: remaining)
        }
    }

    private func runStep(_ step: Step, label: String, phase: Phase, state: inout CaseState, remaining: Double) throws(Stop) {
        let request: HTTPRequest
        do {
            request = try buildRequest(step, bindings: state.bindings)
        } catch {
            throw .error(Problem(type: "case.bad-fixture", message: "\(label): \(error.message)", detail: "\(label): \(error.message)\n  at \(step.location)"))
        }
        if let wait = step.wait, context.replay == nil {
            let seconds = Self.seconds(for: wait, bindings: state.bindings)
            if seconds > 0 {
                state.transcript.note("waiting \(seconds) s before \(label)")
                Thread.sleep(forTimeInterval: min(seconds, max(0, remaining - 1)))
            }
        }
        let requestLine = "\(request.method) \(step.path)"
        state.transcript.note("\(label): \(requestLine)")
        let operation = OperationKey.of(method: step.method, pathTemplate: step.path)
        let response = try send(request, operation: operation, label: label, phase: phase, state: &state, remaining: remaining, location: step.location)

        var observed = Self.observe(response)
        if step.allPages {
            try followPages(&observed, request: request, operation: operation, label: label, phase: phase, state: &state, remaining: remaining, location: step.location)
        }
        let checker = ExpectationChecker(
            shapes: context.shapes, policy: context.settings.shapePolicy, bindings: state.bindings,
            snapshots: state.snapshots, defaultErrorShape: context.settings.defaultErrorShape,
            declaredNames: context.declaredNames
        )
        let (failures, warnings) = checker.check(step.expect, response: observed, stepLocation: step.location)
        for warning in warnings { state.transcript.note("warning: \(warning.line)  [\(warning.location ?? "")]") }
        state.warnings += warnings
        if !failures.isEmpty {
            let problem = Problem.contractMismatch("\(label) \(requestLine) -> \(response.status)", failures)
            // A broken setup means the case could not be judged; a broken step is the verdict.
            throw phase == .step ? .failed(problem) : .error(.setupFailed(problem))
        }
        for capture in step.captures {
            switch capture.source {
            case .body(let pointer):
                guard let value = observed.json?.value(at: pointer) else {
                    let missing = Mismatch("capture '\(capture.name)'", at: pointer, expected: "a value to capture", actual: "nothing", location: capture.location)
                    let problem = Problem.contractMismatch("\(label) \(requestLine) -> \(response.status)", [missing])
                    throw phase == .step ? .failed(problem) : .error(.setupFailed(problem))
                }
                state.bindings[capture.name] = value
            case .header(let name):
                state.bindings[capture.name] = observed.header(name).map { .string($0) } ?? .null
            }
        }
        if let snapshot = step.snapshot {
            let body = observed.json ?? .null
            state.snapshots[snapshot] = body
            state.bindings[snapshot] = body
        }
    }
}

/// What one case run accumulates as its steps go.
struct CaseState {
    var bindings: Bindings
    var snapshots: [String: JSONValue] = [:]
    var transcript: Transcript
    var retries: [RetryNote] = []
    var clientRequestIDs: [String] = []
    /// Strict-mode findings that do not fail the case; a case with any keeps its transcript.
    var warnings: [Mismatch] = []
    /// Requests sent so far in this case: the order a recording files them in.
    var sequence = 0
    /// A teardown step failed (its note must reach the report).
    var teardownFailed = false
}
