import CaseModel
import Foundation
import JSONShape
import Reporting

/// Checks one response against a step's expectations. Pure: no I/O, every problem reported
/// (not just the first), in `Assertion.Keyword` order, typed as `Mismatch`es for the writers.
struct ExpectationChecker {
    let shapes: ShapeRegistry
    let policy: ShapePolicy
    let bindings: Bindings
    let snapshots: [String: JSONValue]
    let defaultErrorShape: String
    let declaredNames: Set<String>

    /// Returns failures and warnings (warnings never fail a case: strict-mode extra properties).
    func check(_ expectation: Expectation, response: ObservedResponse, stepLocation: SourceLocation) -> (failures: [Mismatch], warnings: [Mismatch]) {
        var failures: [Mismatch] = []
        var warnings: [Mismatch] = []
        var statusRules: [StatusRule] = []
        if let status = expectation.status {
            let rules: [StatusRule]
            do {
                rules = try self.statusRules(status)
            } catch {
                return ([Mismatch("status", expected: status.value.rendered(), actual: "a rule that cannot be resolved (\(error.message))", location: status.location)], [])
            }
            statusRules = rules
            if !rules.contains(where: { $0.matches(response.status) }) {
                let expected = rules.map(\.description).joined(separator: " or ")
                failures.append(Mismatch("status", expected: expected, actual: "\(response.status)\(errorSummary(response))", location: status.location))
                return (failures, warnings)  // body checks against the wrong kind of answer only add noise
            }
        } else if !(200...299).contains(response.status) {
            failures.append(Mismatch("status", expected: "2xx", actual: "\(response.status)\(errorSummary(response))", location: stepLocation))
            return (failures, warnings)
        }
        // Header and `body: empty` checks apply to every answer; the rest read the JSON body.
        let bodyChecks = expectation.assertions.filter(\.readsJSONBody)
        for assertion in expectation.assertions where !assertion.readsJSONBody {
            failures += evaluate(assertion, response: response, body: .null, warnings: &warnings)
        }
        if response.status >= 400 {
            let shapeName = expectation.errorShape?.value ?? defaultErrorShape
            if shapeName != "none" {
                let location = expectation.errorShape?.location ?? expectation.status?.location ?? stepLocation
                failures += validateShape(shapeName, response: response, location: location, subject: "error body", warnings: &warnings)
            }
            return (failures, warnings)
        }
        let wantsBody = !bodyChecks.isEmpty
        // A 204 that the expectation allowed carries no representation to check (cases/README.md).
        if response.status == 204, statusRules.contains(where: { $0.matches(204) }) || !wantsBody {
            return (failures, warnings)
        }
        guard wantsBody else { return (failures, warnings) }
        guard let body = response.json else {
            let reason = response.body.isEmpty ? "no body" : "a body that is not JSON: \(response.jsonError ?? "")"
            failures.append(Mismatch("body", expected: "a JSON body", actual: reason, location: stepLocation))
            return (failures, warnings)
        }
        for assertion in bodyChecks {
            failures += evaluate(assertion, response: response, body: body, warnings: &warnings)
        }
        return (failures, warnings)
    }

    /// The one place each kind of assertion is judged. Exhaustive on purpose: a new `Assertion`
    /// case does not compile until it has an evaluator here.
    func evaluate(_ assertion: Assertion, response: ObservedResponse, body: JSONValue, warnings: inout [Mismatch]) -> [Mismatch] {
        switch assertion {
        case .header(let header):
            return checkHeader(header, response: response)
        case .bodyEmpty(let location):
            return response.body.isEmpty ? [] : [Mismatch("body", expected: "no body", actual: "\(response.body.count) bytes", location: location)]
        case .shape(let shape):
            return validateShape(shape.value, response: response, location: shape.location, subject: nil, warnings: &warnings)
        case .json(let json):
            return match(json, actual: body, at: .root)
        case .at(let pointer, let expected):
            guard let actual = body.value(at: pointer) else {
                return [Mismatch(at: pointer, expected: resolvedExcerpt(expected.value), actual: "nothing (absent)", location: expected.location)]
            }
            return match(expected, actual: actual, at: pointer)
        case .present(let item):
            return body.value(at: item.value) != nil ? [] : [Mismatch(at: item.value, expected: "to be present", actual: "absent", location: item.location)]
        case .absent(let item):
            guard let value = body.value(at: item.value) else { return [] }
            return [Mismatch(at: item.value, expected: "to be absent", actual: value.excerpt(), location: item.location)]
        case .null(let item):
            let value = body.value(at: item.value)
            return value == .null ? [] : [Mismatch(at: item.value, expected: "null", actual: value?.excerpt() ?? "nothing (absent)", location: item.location)]
        case .unchanged(let unchanged):
            return checkUnchanged(unchanged, body: body, warnings: &warnings)
        case .later(let pointer, let than):
            return checkLater(pointer: pointer, than: than, body: body)
        case .notEarlier(let pointer, let than):
            return checkLater(pointer: pointer, than: than, body: body, allowSame: true)
        case .contains(let membership):
            return checkMembership(membership, body: body, wanted: true)
        case .notContains(let membership):
            return checkMembership(membership, body: body, wanted: false)
        case .listEntry(let entry):
            return checkListEntry(entry, body: body, warnings: &warnings)
        }
    }

    // MARK: Pieces

    func statusRules(_ status: Located<JSONValue>?) throws(BindingError) -> [StatusRule] {
        guard let status else { return [] }
        let resolved = try bindings.resolve(status.value)
        let items = resolved.arrayValue ?? [resolved]
        return try items.map { item throws(BindingError) in
            switch item {
            case .number(let number):
                guard let code = number.int64 else { throw BindingError(message: "status \(number) is not an integer") }
                return .code(Int(code))
            case .string(let text) where text.count == 3 && text.hasSuffix("xx"):
                guard let digit = text.first?.wholeNumberValue else { throw BindingError(message: "bad status class \(text)") }
                return .statusClass(digit)
            case .string(let text) where Int(text) != nil:
                return .code(Int(text) ?? 0)
            default:
                throw BindingError(message: "bad status \(item.rendered())")
            }
        }
    }

    func checkHeader(_ expectation: HeaderExpectation, response: ObservedResponse) -> [Mismatch] {
        let subject = "header \(expectation.name)"
        let actual = response.header(expectation.name)
        let shown = actual.map { "\"\($0)\"" } ?? "nothing"
        switch expectation.rule {
        case .present where actual == nil:
            return [Mismatch(subject, expected: "to be present", actual: shown, location: expectation.location)]
        case .absent where actual != nil:
            return [Mismatch(subject, expected: "to be absent", actual: shown, location: expectation.location)]
        case .matches(let pattern):
            let matched = actual.map { value in ((try? Regex(pattern)).flatMap { try? $0.firstMatch(in: value) }) != nil } ?? false
            if !matched {
                return [Mismatch(subject, expected: "to match /\(pattern)/", actual: shown, location: expectation.location)]
            }
        case .equals(let template):
            do {
                let expected = try bindings.resolve(template)
                let text = expected.stringValue ?? expected.rendered()
                if actual != text {
                    return [Mismatch(subject, expected: "\"\(text)\"", actual: shown, location: expectation.location)]
                }
            } catch {
                return [Mismatch(subject, expected: template.excerpt(), actual: "a value that cannot be resolved (\(error.message))", location: expectation.location)]
            }
        case .present, .absent:
            break
        }
        return []
    }

    func validateShape(_ name: String, response: ObservedResponse, location: SourceLocation, subject: String?, warnings: inout [Mismatch]) -> [Mismatch] {
        guard let body = response.json else {
            let reason = response.body.isEmpty ? "no body" : "a body that is not JSON (\(response.jsonError ?? "unreadable"))"
            let label = [subject, "shape \(name)"].compactMap { $0 }.joined(separator: " ")
            return [Mismatch(label, expected: "a JSON body", actual: "\(reason); content-type \(response.header("Content-Type") ?? "none")", location: location)]
        }
        var failures: [Mismatch] = []
        for mismatch in shapes.validate(body, against: name, policy: policy) {
            let item = Mismatch(mismatch, subject: subject, location: location)
            if mismatch.severity == .warning { warnings.append(item) } else { failures.append(item) }
        }
        return failures
    }

    func match(_ expected: Located<JSONValue>, actual: JSONValue, at pointer: JSONPointer) -> [Mismatch] {
        do {
            let resolved = try bindings.resolve(expected.value)
            return JSONMatch.subset(expected: resolved, actual: actual, at: pointer).map { Mismatch($0, location: expected.location) }
        } catch {
            return [Mismatch(at: pointer, expected: expected.value.excerpt(), actual: "a value that cannot be resolved (\(error.message))", location: expected.location)]
        }
    }

    func resolvedExcerpt(_ template: JSONValue) -> String {
        ((try? bindings.resolve(template)) ?? template).excerpt()
    }

    /// " (error.code X)" — the first thing a reader wants when a status is wrong.
    func errorSummary(_ response: ObservedResponse) -> String {
        if let code = response.json?["error"]?["code"]?.stringValue {
            let message = response.json?["error"]?["message"]?.stringValue.map { ": \(String($0.prefix(120)))" } ?? ""
            return " (error.code \(code)\(message))"
        }
        if response.body.isEmpty { return "" }
        return " (body: \(String(decoding: response.body.prefix(120), as: UTF8.self)))"
    }
}

/// One accepted status: an exact code or a class such as 4xx.
enum StatusRule: CustomStringConvertible {
    case code(Int)
    case statusClass(Int)

    func matches(_ status: Int) -> Bool {
        switch self {
        case .code(let code): status == code
        case .statusClass(let digit): status / 100 == digit
        }
    }

    var description: String {
        switch self {
        case .code(let code): String(code)
        case .statusClass(let digit): "\(digit)xx"
        }
    }
}
