import Foundation
import Testing

/// Compares output with a stored golden file; re-records only when GRAPH_CONFORMANCE_RECORD=1.
///
/// Recording fails the test on purpose, so a re-recorded run can never pass CI unnoticed.
/// Goldens are read from the source tree (`#filePath`), falling back to the copied bundle resource.
enum Golden {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens", isDirectory: true)

    static var isRecording: Bool { ProcessInfo.processInfo.environment["GRAPH_CONFORMANCE_RECORD"] == "1" }

    /// Where the golden `name` is read from.
    static func url(_ name: String) -> URL {
        let source = sourceDirectory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: source.path) { return source }
        if let bundled = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Goldens") {
            return bundled
        }
        return source
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try Data(actual.utf8).write(to: sourceDirectory.appendingPathComponent(name))
            Issue.record("Re-recorded golden \(name); run again without GRAPH_CONFORMANCE_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url(name), encoding: .utf8) else {
            Issue.record("Missing golden \(name); record it with GRAPH_CONFORMANCE_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let message = "Output differs from golden \(name) (- golden line, + actual line):\n" + diff(expected, actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// Line diff: removals numbered by golden line, insertions by actual line.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        let changes = new.difference(from: old).map { change -> String in
            switch change {
            case .remove(let offset, let line, _): "-\(offset + 1): \(line)"
            case .insert(let offset, let line, _): "+\(offset + 1): \(line)"
            }
        }
        return changes.prefix(80).joined(separator: "\n") + (changes.count > 80 ? "\n… \(changes.count - 80) more" : "")
    }
}
