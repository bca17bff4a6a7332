/// Text from a report placed in Markdown (GitHub's job summary) so that it shows as typed:
/// a server cannot add links, images, HTML or table cells through a message.
enum MarkdownText {
    /// Plain text: HTML-significant characters as entities, Markdown punctuation backslashed,
    /// line breaks as spaces.
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "{", "}", "#", "+", "-", "!", "|", "~", "\"", "'":
                out += "\\" + String(character)
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A code span that survives any backticks inside: the fence is one longer than the longest
    /// run of them (CommonMark 6.1). Inside a code span nothing is markup, HTML included.
    /// Not for table cells: GFM still splits a cell at `|` inside code.
    static func code(_ value: String) -> String {
        let flat = value.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.isEmpty ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
