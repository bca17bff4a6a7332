import Foundation
import JSONShape

/// Finds and decodes case files. Every file is read at start-up, so a new or edited case needs
/// no rebuild.
public enum CatalogueLoader {
    /// Folders below the cases directory that hold other things than cases.
    public static let reservedFolders: Set<String> = ["contract", "targets"]

    /// Case files below `directory` (or the given files/folders), sorted for a stable report order,
    /// each once: a file named twice (`cases/auth cases/auth/tokens.yaml`) runs once.
    public static func caseFiles(in paths: [String]) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.append(path)  // reported as unreadable by `load`
                continue
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            let root = path.hasSuffix("/") ? String(path.dropLast()) : path
            // Enumerate the resolved folder (a symlinked cases/ is common) but report the path as given.
            let resolved = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            let entries = (manager.enumerator(atPath: resolved)?.allObjects as? [String]) ?? []
            for entry in entries where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                let first = entry.split(separator: "/").first.map(String.init) ?? ""
                if entry.contains("/"), reservedFolders.contains(first) { continue }
                found.append(root + "/" + entry)
            }
        }
        return Array(Set(found)).sorted()
    }

    /// Decodes every file, on all cores: files are independent, each gets a sink of its own, and
    /// the results and diagnostics are merged in path order, exactly as one pass would give them.
    /// Loading was a tenth of a cold catalogue run.
    public static func load(paths: [String], context: LintContext, sink: DiagnosticSink) -> [CaseFile] {
        let decoded = paths.concurrentMap { path in
            let own = DiagnosticSink()
            let file = ContractLoader.read(path, sink: own).flatMap {
                CaseFileDecoder.load(text: $0, path: path, context: context, sink: own)
            }
            return (file: file, sink: own)
        }
        var files: [CaseFile] = []
        for (file, own) in decoded {
            sink.absorb(own)
            if let file { files.append(file) }
        }
        return files
    }
}
