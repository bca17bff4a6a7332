import Foundation
import JSONShape

/// Loads the contract a run checks against: every `*.xml` CSDL file and `shapes.yaml` in
/// `cases/contract/`. Shapes come from Graph's own type definitions, not from each case.
public enum ContractLoader {
    public static func load(directory: String, sink: DiagnosticSink) -> ShapeRegistry {
        var registry = ShapeRegistry()
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let start = SourceLocation(file: directory, line: 1, column: 1)
        if files.filter({ $0.hasSuffix(".xml") }).isEmpty {
            sink.error("no CSDL contract (*.xml) in \(directory)", at: start)
        }
        for name in files where name.hasSuffix(".xml") {
            let path = directory + "/" + name
            guard let text = read(path, sink: sink) else { continue }
            do {
                registry = try registry.addingCSDL(text, file: path)
            } catch {
                sink.error(error.message, at: error.location ?? SourceLocation(file: path, line: 1, column: 1))
            }
        }
        for name in files where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = directory + "/" + name
            guard let text = read(path, sink: sink) else { continue }
            registry = loadShapes(text, path: path, into: registry, sink: sink)
        }
        for dangling in registry.unresolvedReferences() {
            sink.error("shape '\(dangling.shape)' refers to unknown shape or type '\(dangling.reference)'",
                       at: dangling.location ?? SourceLocation(file: directory, line: 1, column: 1))
        }
        return registry
    }

    static func loadShapes(_ text: String, path: String, into registry: ShapeRegistry, sink: DiagnosticSink) -> ShapeRegistry {
        var registry = registry
        guard let root = YAMLNode.parse(text, file: path, sink: sink) else { return registry }
        guard let reader = MappingReader(root, allowed: ["shapes"], context: "a shapes file", sink: sink),
            let pairs = reader.mappingPairs("shapes")
        else { return registry }
        for (key, value) in pairs {
            guard let name = key.string else { continue }
            do {
                registry = try registry.registering(name: name, spec: value.jsonValue, location: value.location)
            } catch {
                sink.error(error.message, at: error.location ?? key.location)
            }
        }
        return registry
    }

    public static func read(_ path: String, sink: DiagnosticSink) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error("cannot read \(path)", at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error("\(path) is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        return text
    }
}
