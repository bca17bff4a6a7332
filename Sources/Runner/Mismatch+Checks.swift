import JSONShape
import Reporting

/// Mismatches as the checker builds them: from the case language's typed pointers and locations.
extension Mismatch {
    init(_ subject: String? = nil, at pointer: JSONPointer? = nil, expected: String, actual: String, location: SourceLocation,
         comparison: Comparison? = nil) {
        self.init(subject: subject, pointer: pointer?.description, expected: expected, actual: actual,
                  location: location.description, comparison: comparison)
    }

    /// A contract-shape or subset-match problem, under an optional subject ("error body").
    init(_ shape: ShapeMismatch, subject: String? = nil, location: SourceLocation) {
        self.init(subject, at: shape.pointer, expected: shape.expected,
                  actual: shape.hint.map { "\(shape.actual) (\($0))" } ?? shape.actual, location: location)
    }
}
