/// One way a JSON value breaks its contract: where (RFC 6901 pointer into the value), what was
/// expected, what was found, and where that expectation was declared.
///
/// Printed as one line, e.g.
/// `/detail/startMonthYear: expected Edm.Date (YYYY-MM-DD), got "datetime-value"`.
public struct ShapeMismatch: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Sendable, Hashable {
        case error
        case warning
    }

    /// Where in the validated value the problem is.
    public var pointer: JSONPointer
    /// What the contract wants there, in words.
    public var expected: String
    /// What the value holds there: a JSON excerpt of at most 80 characters, or `absent`.
    public var actual: String
    public var severity: Severity
    /// Where the expectation was declared (CSDL element or inline shape), when known.
    public var shapeLocation: SourceLocation?
    /// An optional suggestion ("did you mean …") appended to the description.
    public var hint: String?

    public init(
        pointer: JSONPointer, expected: String, actual: String, severity: Severity = .error,
        shapeLocation: SourceLocation? = nil, hint: String? = nil
    ) {
        self.pointer = pointer
        self.expected = expected
        self.actual = actual
        self.severity = severity
        self.shapeLocation = shapeLocation
        self.hint = hint
    }

    public var description: String {
        let line = "\(pointer.displayText): expected \(expected), got \(actual)"
        guard let hint else { return line }
        return line + " (\(hint))"
    }
}

extension JSONPointer {
    /// The pointer as printed in diagnostics: RFC 6901 text, or `(root)` for the empty pointer,
    /// which would otherwise print as nothing at all.
    public var displayText: String { isRoot ? "(root)" : description }
}

extension JSONValue {
    /// The `got …` text of a diagnostic: a one-line excerpt capped at 80 characters.
    var diagnosticExcerpt: String { excerpt(limit: 80) }
}
