import JSONShape

/// The snapshot a case kept and the body it got later, as two aligned columns of pretty JSON with
/// the members that differ highlighted.
///
/// Which members differ is `JSONDiff`'s answer (the same comparison the runner's `unchanged`
/// check makes: member order ignored, annotations ignored, timestamps as instants). Rows under
/// a pointer the check reported are "bad" (changed, and not allowed to); other differences —
/// the patched members, server-managed ones — are "chg". A member only one side has faces a
/// blank cell, so the columns stay aligned. If either body is not JSON (cut to fit, or never
/// was), both are shown as plain text.
struct HTMLSideBySide {
    let comparison: Mismatch.Comparison
    /// Pointers the check reported for this comparison.
    let unexpected: [String]

    struct Line {
        var text: String
        var pointer: JSONPointer
    }

    func rendered() -> String {
        guard let before = try? JSONParser.parse(comparison.snapshot).value,
            let after = try? JSONParser.parse(comparison.current).value
        else { return plain() }
        let changed = JSONDiff.differences(before: before, after: after, ignoring: []).map(\.pointer)
        let reported = unexpected.compactMap { JSONPointer($0) }
        var rows: [(Line?, Line?)] = []
        pair(before, after, label: "", at: .root, depth: 0, commas: (false, false), into: &rows)
        var out = "<table class=\"sbs\"><thead><tr><th>snapshot</th><th>current</th></tr></thead><tbody>\n"
        for (left, right) in rows {
            let pointer = (left ?? right)?.pointer ?? .root
            var classes: [String] = []
            if changed.contains(where: { pointer.hasPrefix($0) }) { classes.append("chg") }
            if reported.contains(where: { pointer.hasPrefix($0) }) { classes.append("bad") }
            out += "<tr"
            if !classes.isEmpty { out += " class=\"\(classes.joined(separator: " "))\"" }
            out += " data-pointer=\"\(HTMLText.attribute(pointer.description))\">"
            out += cell(left) + cell(right) + "</tr>\n"
        }
        out += "</tbody></table>\n<p class=\"legend\"><span class=\"l-bad\">changed, not allowed</span>"
        out += "<span class=\"l-chg\">changed, allowed (patched or server-managed)</span></p>\n"
        return out
    }

    private func cell(_ line: Line?) -> String {
        guard let line else { return "<td class=\"gap\"></td>" }
        return "<td>\(HTMLText.text(line.text))</td>"
    }

    private func plain() -> String {
        "<table class=\"sbs\"><thead><tr><th>snapshot</th><th>current</th></tr></thead><tbody><tr><td>"
            + HTMLText.text(comparison.snapshot) + "</td><td>" + HTMLText.text(comparison.current) + "</td></tr></tbody></table>\n"
    }

    /// Appends aligned rows for one member (or element) as each side has it.
    private func pair(_ old: JSONValue?, _ new: JSONValue?, label: String, at pointer: JSONPointer, depth: Int,
                      commas: (Bool, Bool), into rows: inout [(Line?, Line?)]) {
        let indent = String(repeating: "  ", count: depth)
        switch (old, new) {
        case (.object(let a)?, .object(let b)?) where !a.isEmpty || !b.isEmpty:
            rows.append((Line(text: indent + label + "{", pointer: pointer), Line(text: indent + label + "{", pointer: pointer)))
            var keys = a.keys
            for key in b.keys where a[key] == nil { keys.append(key) }
            var seen: Set<String> = []
            for key in keys where seen.insert(key).inserted {
                pair(a[key], b[key], label: JSONValue.string(key).rendered() + ": ", at: pointer.appending(key), depth: depth + 1,
                     commas: (a.keys.last != key, b.keys.last != key), into: &rows)
            }
            rows.append((Line(text: indent + "}" + (commas.0 ? "," : ""), pointer: pointer),
                         Line(text: indent + "}" + (commas.1 ? "," : ""), pointer: pointer)))
        case (.array(let a)?, .array(let b)?) where a.count == b.count && !a.isEmpty:
            rows.append((Line(text: indent + label + "[", pointer: pointer), Line(text: indent + label + "[", pointer: pointer)))
            for (index, (x, y)) in zip(a, b).enumerated() {
                let comma = index < a.count - 1
                pair(x, y, label: "", at: pointer.appending(index), depth: depth + 1, commas: (comma, comma), into: &rows)
            }
            rows.append((Line(text: indent + "]" + (commas.0 ? "," : ""), pointer: pointer),
                         Line(text: indent + "]" + (commas.1 ? "," : ""), pointer: pointer)))
        default:
            let left = old.map { lines($0, label: label, at: pointer, depth: depth, comma: commas.0) } ?? []
            let right = new.map { lines($0, label: label, at: pointer, depth: depth, comma: commas.1) } ?? []
            for index in 0..<max(left.count, right.count) {
                rows.append((index < left.count ? left[index] : nil, index < right.count ? right[index] : nil))
            }
        }
    }

    /// One side's value as pretty lines, each knowing the pointer it belongs to.
    private func lines(_ value: JSONValue, label: String, at pointer: JSONPointer, depth: Int, comma: Bool) -> [Line] {
        let indent = String(repeating: "  ", count: depth)
        let end = comma ? "," : ""
        switch value {
        case .object(let object) where !object.isEmpty:
            var result = [Line(text: indent + label + "{", pointer: pointer)]
            for (index, member) in object.members.enumerated() {
                result += lines(member.value, label: JSONValue.string(member.key).rendered() + ": ",
                                at: pointer.appending(member.key), depth: depth + 1, comma: index < object.count - 1)
            }
            return result + [Line(text: indent + "}" + end, pointer: pointer)]
        case .array(let elements) where !elements.isEmpty:
            var result = [Line(text: indent + label + "[", pointer: pointer)]
            for (index, element) in elements.enumerated() {
                result += lines(element, label: "", at: pointer.appending(index), depth: depth + 1, comma: index < elements.count - 1)
            }
            return result + [Line(text: indent + "]" + end, pointer: pointer)]
        default:
            return [Line(text: indent + label + value.rendered() + end, pointer: pointer)]
        }
    }
}
