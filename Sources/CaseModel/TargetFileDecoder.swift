import Foundation
import JSONShape

/// Reads `cases/targets/*.yaml`, reporting problems with their locations.
public enum TargetFileDecoder {
    static let keys = ["name", "baseUrl", "users", "principals", "policies", "reports"]
    static let principalKeys = ["user", "app", "tenant", "scp", "roles", "token", "iss"]
    static let tokenKeys = ["mint", "env", "file", "command"]

    /// `${env.NAME}` inside a target file's strings reads the environment, so one file can serve
    /// every tenant; an unset variable becomes an empty string (its principal is then skipped).
    public static func load(text: String, path: String, sink: DiagnosticSink,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> TargetFile? {
        guard var target = decode(text: text, path: path, sink: sink) else { return nil }
        func expand(_ text: String) -> String {
            var result = text
            for reference in Template.references(in: text).references.reversed()
            where reference.path.count == 2 && reference.path[0] == "env" {
                let start = result.index(result.startIndex, offsetBy: reference.offset)
                let end = result.index(start, offsetBy: reference.source.count + 3)
                result.replaceSubrange(start..<end, with: environment[reference.path[1]] ?? "")
            }
            return result
        }
        target.baseURL = expand(target.baseURL)
        for (key, user) in target.users {
            target.users[key] = TargetUser(key: key, id: expand(user.id), upn: expand(user.upn), displayName: expand(user.displayName))
        }
        for (key, principal) in target.principals {
            var updated = principal
            updated.appID = principal.appID.map(expand)
            updated.tenant = principal.tenant.map(expand).flatMap { $0.isEmpty ? nil : $0 }
            target.principals[key] = updated
        }
        return target
    }

    static func decode(text: String, path: String, sink: DiagnosticSink) -> TargetFile? {
        guard let root = YAMLNode.parse(text, file: path, sink: sink) else { return nil }
        guard let reader = MappingReader(root, allowed: keys, context: "a target file", sink: sink) else { return nil }
        guard let baseURL = reader.string("baseUrl", required: true) else { return nil }
        if baseURL.value != "embedded", !(baseURL.value.hasPrefix("http://") || baseURL.value.hasPrefix("https://")) {
            sink.error("baseUrl must be 'embedded' or an http(s) URL", at: baseURL.location)
        }

        var users: [String: TargetUser] = [:]
        for (key, value) in reader.mappingPairs("users") ?? [] {
            guard let name = key.string,
                let userReader = MappingReader(value, allowed: ["id", "upn", "name"], context: "user '\(key.string ?? "")'", sink: sink),
                let id = userReader.string("id", required: true), let upn = userReader.string("upn", required: true)
            else { continue }
            users[name] = TargetUser(key: name, id: id.value, upn: upn.value, displayName: userReader.string("name")?.value ?? upn.value)
        }

        var principals: [String: PrincipalConfig] = [:]
        for (key, value) in reader.mappingPairs("principals") ?? [] {
            guard let name = key.string,
                let principal = decodePrincipal(name: name, node: value, users: users, sink: sink)
            else { continue }
            principals[name] = principal
        }

        var policies = TargetFile.defaultPolicies
        for (key, value) in reader.mappingPairs("policies") ?? [] {
            guard let name = key.string else { continue }
            policies[name] = value.jsonValue
        }
        let reports = reader.stringList("reports")
        for report in reports where !TargetFile.reportFormats.contains(report.value) {
            sink.error("unknown report '\(report.value)'" + Suggestion.hint(for: report.value, in: TargetFile.reportFormats), at: report.location)
        }
        return TargetFile(
            path: path, name: reader.string("name")?.value ?? path, baseURL: baseURL.value,
            users: users, principals: principals, policies: policies, reports: reports.map(\.value)
        )
    }

    static func decodePrincipal(name: String, node: YAMLNode, users: [String: TargetUser], sink: DiagnosticSink) -> PrincipalConfig? {
        guard let reader = MappingReader(node, allowed: principalKeys, context: "principal '\(name)'", sink: sink) else { return nil }
        let user = reader.string("user")
        if let user, users[user.value] == nil {
            sink.error("principal '\(name)' names unknown user '\(user.value)'" + Suggestion.hint(for: user.value, in: users.keys.sorted()), at: user.location)
        }
        let app = reader.string("app")
        if user == nil, app == nil {
            sink.error("principal '\(name)' needs 'user' (delegated) or 'app' (application id)", at: node.location)
            return nil
        }
        var token = TokenSource.mint
        if let tokenNode = reader.node("token"),
            let tokenReader = MappingReader(tokenNode, allowed: tokenKeys, context: "token of '\(name)'", sink: sink)
        {
            if let env = tokenReader.string("env") {
                token = .environment(env.value)
            } else if let file = tokenReader.string("file") {
                token = .file(file.value)
            } else if let command = tokenReader.string("command") {
                token = .command(command.value)
            } else if !tokenReader.has("mint") {
                sink.error("token needs one of mint, env, file, command", at: tokenNode.location)
            }
        }
        var principal = PrincipalConfig(
            name: name, user: user?.value, appID: app?.value, scopes: reader.string("scp")?.value,
            roles: reader.stringList("roles").map(\.value), tenant: reader.string("tenant")?.value, token: token
        )
        principal.issuer = reader.string("iss")?.value
        return principal
    }
}
