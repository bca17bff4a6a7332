import CaseModel
import Foundation
import JSONShape

/// Checks one response against a step's expectations. Pure: no I/O, every problem reported
/// (not just the first), in the order the expectations are written.
struct ExpectationChecker {
    let shapes: ShapeRegistry
    let policy: ShapePolicy
    let bindings: Bindings
    let snapshots: [String: JSONValue]
    let defaultErrorShape: String
    let declaredNames: Set<String>

    /// Returns failures and warnings (warnings never fail a case: strict-mode extra properties).
    func check(_ expectation: Expectation, response: ObservedResponse, stepLocation: SourceLocation) -> (failures: [Finding], warnings: [Finding]) {
        var failures: [Finding] = []
        var warnings: [Finding] = []
        var statusRules: [StatusRule] = []
        if let status = expectation.status {
            guard let rules = try? self.statusRules(status) else {
                return ([Finding(message: "status: cannot resolve \(status.value.rendered())", location: status.location)], [])
            }
            statusRules = rules
            if !rules.contains(where: { $0.matches(response.status) }) {
                let expected = rules.map(\.description).joined(separator: " or ")
                failures.append(Finding(message: "status: expected \(expected), got \(response.status)\(errorSummary(response))", location: status.location))
                return (failures, warnings)  // body checks against the wrong kind of answer only add noise
            }
        } else if !(200...299).contains(response.status) {
            failures.append(Finding(message: "status: expected 2xx, got \(response.status)\(errorSummary(response))", location: stepLocation))
            return (failures, warnings)
        }
        failures += checkHeaders(expectation.headers, response: response)

        if let empty = expectation.bodyEmpty, empty.value, !response.body.isEmpty {
            failures.append(Finding(message: "body: expected no body, got \(response.body.count) bytes", location: empty.location))
        }
        if response.status >= 400 {
            let shapeName = expectation.errorShape?.value ?? defaultErrorShape
            if shapeName != "none" {
                let location = expectation.errorShape?.location ?? expectation.status?.location ?? stepLocation
                failures += validateShape(shapeName, response: response, location: location, prefix: "error body", warnings: &warnings)
            }
            return (failures, warnings)
        }
        let wantsBody = expectation.shape != nil || expectation.json != nil || !expectation.at.isEmpty
            || !expectation.present.isEmpty || !expectation.absent.isEmpty || !expectation.null.isEmpty
            || expectation.unchanged != nil || !expectation.later.isEmpty
            || !expectation.contains.isEmpty || !expectation.notContains.isEmpty || !expectation.notEarlier.isEmpty
            || expectation.listEntry != nil
        // A 204 that the expectation allowed carries no representation to check (cases/README.md).
        if response.status == 204, statusRules.contains(where: { $0.matches(204) }) || !wantsBody {
            return (failures, warnings)
        }
        guard wantsBody else { return (failures, warnings) }
        guard let body = response.json else {
            let reason = response.body.isEmpty ? "the response has no body" : "the body is not JSON: \(response.jsonError ?? "")"
            failures.append(Finding(message: "body: expected a JSON body, \(reason)", location: stepLocation))
            return (failures, warnings)
        }
        if let shape = expectation.shape {
            failures += validateShape(shape.value, response: response, location: shape.location, prefix: nil, warnings: &warnings)
        }
        if let json = expectation.json {
            failures += match(json, actual: body, at: .root)
        }
        for (pointer, expected) in expectation.at {
            guard let actual = body.value(at: pointer) else {
                failures.append(Finding(message: "\(pointer): expected \(resolvedExcerpt(expected.value)), got nothing (absent)", location: expected.location))
                continue
            }
            failures += match(expected, actual: actual, at: pointer)
        }
        for item in expectation.present where body.value(at: item.value) == nil {
            failures.append(Finding(message: "\(item.value): expected to be present, is absent", location: item.location))
        }
        for item in expectation.absent {
            if let value = body.value(at: item.value) {
                failures.append(Finding(message: "\(item.value): expected to be absent, got \(value.excerpt())", location: item.location))
            }
        }
        for item in expectation.null {
            let value = body.value(at: item.value)
            if value != .null {
                failures.append(Finding(message: "\(item.value): expected null, got \(value?.excerpt() ?? "nothing (absent)")", location: item.location))
            }
        }
        if let unchanged = expectation.unchanged {
            if let before = snapshots[unchanged.snapshot] {
                // Members the contract does not declare are outside it: a conforming server may add
                // and recalculate them (reference §5: omitted properties may be "recalculated").
                let undeclared = Self.undeclaredPointers(in: before, declared: declaredNames)
                    + Self.undeclaredPointers(in: body, declared: declaredNames)
                let ignored = unchanged.except + undeclared
                for pointer in Set(undeclared).sorted() where before.value(at: pointer) != body.value(at: pointer) {
                    warnings.append(Finding(message: "\(pointer): undeclared member changed (not part of the contract; ignored)", location: unchanged.location))
                }
                for difference in JSONDiff.differences(before: before, after: body, ignoring: ignored) {
                    failures.append(Finding(message: "\(difference) (expected unchanged since snapshot '\(unchanged.snapshot)')", location: unchanged.location))
                }
            } else {
                failures.append(Finding(message: "no snapshot named '\(unchanged.snapshot)' was taken (an earlier step failed?)", location: unchanged.location))
            }
        }
        for (pointer, than) in expectation.later {
            failures += checkLater(pointer: pointer, than: than, body: body)
        }
        for membership in expectation.contains {
            failures += checkMembership(membership, body: body, wanted: true)
        }
        for (pointer, than) in expectation.notEarlier {
            failures += checkLater(pointer: pointer, than: than, body: body, allowSame: true)
        }
        for membership in expectation.notContains {
            failures += checkMembership(membership, body: body, wanted: false)
        }
        if let entry = expectation.listEntry {
            failures += checkListEntry(entry, body: body, warnings: &warnings)
        }
        return (failures, warnings)
    }

    // MARK: Pieces

    func statusRules(_ status: Located<JSONValue>?) throws -> [StatusRule] {
        guard let status else { return [] }
        let resolved = try bindings.resolve(status.value)
        let items = resolved.arrayValue ?? [resolved]
        return try items.map { item in
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

    func checkHeaders(_ headers: [HeaderExpectation], response: ObservedResponse) -> [Finding] {
        var findings: [Finding] = []
        for expectation in headers {
            let actual = response.header(expectation.name)
            switch expectation.rule {
            case .present where actual == nil:
                findings.append(Finding(message: "header \(expectation.name): expected to be present, is missing", location: expectation.location))
            case .absent where actual != nil:
                findings.append(Finding(message: "header \(expectation.name): expected to be absent, got \"\(actual ?? "")\"", location: expectation.location))
            case .matches(let pattern):
                let matched = actual.map { value in ((try? Regex(pattern)).flatMap { try? $0.firstMatch(in: value) }) != nil } ?? false
                if !matched {
                    findings.append(Finding(message: "header \(expectation.name): expected to match /\(pattern)/, got \(actual.map { "\"\($0)\"" } ?? "nothing")", location: expectation.location))
                }
            case .equals(let template):
                do {
                    let expected = try bindings.resolve(template)
                    let text = expected.stringValue ?? expected.rendered()
                    if actual != text {
                        findings.append(Finding(message: "header \(expectation.name): expected \"\(text)\", got \(actual.map { "\"\($0)\"" } ?? "nothing")", location: expectation.location))
                    }
                } catch {
                    findings.append(Finding(message: "header \(expectation.name): \(error.message)", location: expectation.location))
                }
            default:
                continue
            }
        }
        return findings
    }

    func validateShape(_ name: String, response: ObservedResponse, location: SourceLocation, prefix: String?, warnings: inout [Finding]) -> [Finding] {
        let label = prefix.map { "\($0) " } ?? ""
        guard let body = response.json else {
            let reason = response.body.isEmpty ? "there is no body" : "the body is not JSON (\(response.jsonError ?? "unreadable"))"
            return [Finding(message: "\(label)shape \(name): \(reason); content-type \(response.header("Content-Type") ?? "none")", location: location)]
        }
        var failures: [Finding] = []
        for mismatch in shapes.validate(body, against: name, policy: policy) {
            let finding = Finding(message: label + mismatch.description, location: location)
            if mismatch.severity == .warning { warnings.append(finding) } else { failures.append(finding) }
        }
        return failures
    }

    func match(_ expected: Located<JSONValue>, actual: JSONValue, at pointer: JSONPointer) -> [Finding] {
        do {
            let resolved = try bindings.resolve(expected.value)
            return JSONMatch.subset(expected: resolved, actual: actual, at: pointer)
                .map { Finding(message: $0.description, location: expected.location) }
        } catch {
            return [Finding(message: "\(pointer): \(error.message)", location: expected.location)]
        }
    }

    func resolvedExcerpt(_ template: JSONValue) -> String {
        ((try? bindings.resolve(template)) ?? template).excerpt()
    }

    /// "; error.code X" — the first thing a reader wants when a status is wrong.
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
