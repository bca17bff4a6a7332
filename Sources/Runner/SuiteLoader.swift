import CaseModel
import Foundation
import JSONShape

/// Everything a run needs from disk, read and checked before the first request is sent.
public struct PreparedSuite: Sendable {
    public var casesDirectory: String
    public var files: [CaseFile]
    public var shapes: ShapeRegistry
    public var target: TargetFile
    public var planned: [PlannedCase]
}

public enum SuiteLoader {
    /// Loads the target, the contract and the case files. Any error-level diagnostic means
    /// nothing may be sent (exit 2); the sink holds all of them.
    public static func load(casesDirectory: String, casePaths: [String]? = nil, targetPath: String? = nil,
                            sink: DiagnosticSink) -> PreparedSuite? {
        let directory = casesDirectory.hasSuffix("/") ? String(casesDirectory.dropLast()) : casesDirectory
        let targetFile = targetPath ?? directory + "/targets/embedded.yaml"
        guard let targetText = ContractLoader.read(targetFile, sink: sink),
            let target = TargetFileDecoder.load(text: targetText, path: targetFile, sink: sink)
        else { return nil }
        let shapes = ContractLoader.load(directory: directory + "/contract", sink: sink)
        let context = lintContext(target: target, shapes: shapes)
        let paths = CatalogueLoader.caseFiles(in: casePaths ?? [directory])
        if paths.isEmpty {
            sink.error("no case files (*.yaml) found", at: SourceLocation(file: directory, line: 1, column: 1))
        }
        let files = CatalogueLoader.load(paths: paths, context: context, sink: sink)
        guard !sink.hasErrors else { return nil }
        let planned = PlannedCase.plan(files, enumMembers: shapes.enumMembers)
        return PreparedSuite(casesDirectory: directory, files: files, shapes: shapes, target: target, planned: planned)
    }

    /// What case files may name: the target's principals and policies (plus the standard
    /// ones, so a file written for another target still lints), the contract's shapes and enums.
    public static func lintContext(target: TargetFile, shapes: ShapeRegistry) -> LintContext {
        LintContext(shapes: shapes, principals: LintContext.standardPrincipals.union(target.principals.keys),
                    policies: Set(TargetFile.defaultPolicies.keys).union(target.policies.keys))
    }
}
