import CaseModel
import CurlClient
import Foundation
import JSONShape

extension CaseExecution {
    /// Turns a step into the exact request to send: URL with encoded query, default headers
    /// (Accept, User-Agent, Content-Type for JSON bodies), the step's headers, and Authorization.
    func buildRequest(_ step: Step, bindings: Bindings) throws(BindingError) -> HTTPRequest {
        var url = context.settings.baseURL.trimmingSuffix("/") + (try bindings.interpolate(step.path))
        if !step.query.isEmpty {
            var parts: [String] = []
            for (name, template) in step.query {
                let value = try bindings.resolve(template)
                let text = value.stringValue ?? value.rendered()
                parts.append(Self.queryEncode(name) + "=" + Self.queryEncode(text))
            }
            url += (url.contains("?") ? "&" : "?") + parts.joined(separator: "&")
        }
        var headers: [HTTPHeader] = [
            HTTPHeader(name: "Accept", value: "application/json"),
            HTTPHeader(name: "User-Agent", value: context.settings.userAgent),
        ]
        var body: [UInt8]?
        switch step.body {
        case .none: break
        case .json(let template):
            body = try bindings.resolve(template).utf8Bytes
            headers.append(HTTPHeader(name: "Content-Type", value: "application/json"))
        case .raw(let template):
            body = Array(try bindings.interpolate(template).utf8)
        }
        for (name, template) in step.headers {
            headers.removeAll { $0.hasName(name) }
            if let template { headers.append(HTTPHeader(name: name, value: try bindings.interpolate(template))) }
        }
        if let authorization = try authorization(for: step, bindings: bindings) {
            headers.append(HTTPHeader(name: "Authorization", value: authorization))
        }
        return HTTPRequest(method: step.method, url: url, headers: headers, body: body)
    }

    private func authorization(for step: Step, bindings: Bindings) throws(BindingError) -> String? {
        let principalName = planned.principal(of: step)
        switch step.auth {
        case .none:
            return nil
        case .header(let value):
            return value
        case .principal, .scheme:
            guard let token = context.tokens[principalName] else {
                throw BindingError(message: "no token for principal '\(principalName)'")
            }
            if case .scheme(let word) = step.auth { return "\(word) \(token)" }
            return "Bearer \(token)"
        case .brokenTokenNamed(let template):
            let name = try bindings.interpolate(template)
            guard let defect = TokenDefect(rawValue: name) else {
                throw BindingError(message: "unknown token variant '\(name)' (\(TokenDefect.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return try authorization(for: step, defect: defect)
        case .brokenToken(let defect):
            return try authorization(for: step, defect: defect)
        }
    }

    private func authorization(for step: Step, defect: TokenDefect) throws(BindingError) -> String {
        let principalName = planned.principal(of: step)
        guard let principal = context.target.principals[principalName] else {
            throw BindingError(message: "target has no principal '\(principalName)'")
        }
        return "Bearer " + context.minter.mint(for: principal, in: context.target, defect: defect)
    }

    static func queryEncode(_ text: String) -> String {
        PercentEncoding.queryValue(text)
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
