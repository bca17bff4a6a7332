import CaseModel
import Foundation
import JSONShape

/// The variables one case run can see: built-ins, matrix values, captures and snapshots.
struct Bindings {
    private(set) var values: [String: JSONValue]

    init(builtins: [String: JSONValue]) {
        values = builtins
    }

    subscript(name: String) -> JSONValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Resolves every `${…}` in a JSON template; a string that is exactly one reference keeps the
    /// referenced value's type.
    func resolve(_ template: JSONValue) throws(BindingError) -> JSONValue {
        switch template {
        case .string(let text): return try resolve(text: text)
        case .array(let items): return .array(try items.map { item throws(BindingError) in try resolve(item) })
        case .object(let object):
            var members: [(key: String, value: JSONValue)] = []
            for (key, value) in object { members.append((key, try resolve(value))) }
            return .object(JSONObject(members))
        default: return template
        }
    }

    func resolve(text: String) throws(BindingError) -> JSONValue {
        let references = try Self.references(in: text)
        if let whole = Template.wholeReference(text, references: references) { return try value(of: whole) }
        return .string(try interpolate(text, references: references))
    }

    /// String interpolation: strings go in as they are, other values as compact JSON.
    func interpolate(_ text: String) throws(BindingError) -> String {
        try interpolate(text, references: Self.references(in: text))
    }

    private static func references(in text: String) throws(BindingError) -> [TemplateReference] {
        let (references, errors) = Template.references(in: text)
        if let first = errors.first { throw BindingError(message: first) }
        return references
    }

    private func interpolate(_ text: String, references: [TemplateReference]) throws(BindingError) -> String {
        guard !references.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for reference in references {
            let start = text.index(text.startIndex, offsetBy: reference.offset)
            result += text[cursor..<start]
            let value = try value(of: reference)
            result += value.stringValue ?? value.rendered()
            cursor = text.index(start, offsetBy: reference.source.count + 3)
        }
        result += text[cursor...]
        return result
    }

    func value(of reference: TemplateReference) throws(BindingError) -> JSONValue {
        guard var current = values[reference.path[0]] else {
            throw BindingError(message: "unknown variable '\(reference.path[0])' in ${\(reference.source)}")
        }
        for segment in reference.path.dropFirst() {
            switch current {
            case .object(let object) where object[segment] != nil:
                current = object[segment] ?? .null
            case .array(let items) where Int(segment).map(items.indices.contains) == true:
                current = items[Int(segment) ?? 0]
            default:
                throw BindingError(message: "${\(reference.source)}: '\(segment)' not found (value is \(current.excerpt(limit: 60)))")
            }
        }
        for filter in reference.filters {
            let text = current.stringValue ?? current.rendered()
            switch filter {
            case "upper": current = .string(text.uppercased())
            case "lower": current = .string(text.lowercased())
            case "urlencode": current = .string(PercentEncoding.component(text))
            default: throw BindingError(message: "unknown filter '\(filter)'")
            }
        }
        return current
    }
}

struct BindingError: Error, Sendable {
    var message: String
}
