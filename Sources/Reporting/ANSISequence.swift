/// Recognises ANSI/VT escape sequences so captured terminal output can be stripped of colour codes.
///
/// Only well-formed CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or `ESC \`) and two-character
/// `ESC` + Fe sequences are removed; a lone ESC is left for `XMLText` to make visible, so nothing
/// disappears silently. See ECMA-48, 5.4 "Control sequences".
enum ANSISequence {
    /// If `scalars` starts with a complete escape sequence, returns what follows it; otherwise nil.
    static func skip(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView? {
        guard let first = scalars.first else { return nil }
        if first == "\u{9B}" { return skipCSIBody(scalars.dropFirst()) }
        guard first == "\u{1B}", let second = scalars.dropFirst().first else { return nil }
        let body = scalars.dropFirst(2)
        switch second.value {
        case 0x5B: return skipCSIBody(body)          // ESC [
        case 0x5D: return skipOSCBody(body)          // ESC ]
        case 0x40...0x5F: return body                // ESC Fe (two characters)
        default: return nil
        }
    }

    /// Parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
    private static func skipCSIBody(_ body: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView? {
        var rest = body
        while let scalar = rest.first, (0x20...0x3F).contains(scalar.value) {
            rest = rest.dropFirst()
        }
        guard let final = rest.first, (0x40...0x7E).contains(final.value) else { return nil }
        return rest.dropFirst()
    }

    /// Operating-system command, ended by BEL or ST (`ESC \`); capped so a stray `ESC ]` cannot
    /// swallow a whole transcript.
    private static func skipOSCBody(_ body: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView? {
        var rest = body
        var length = 0
        while let scalar = rest.first, length < 512 {
            rest = rest.dropFirst()
            length += 1
            if scalar == "\u{07}" { return rest }
            if scalar == "\u{1B}", rest.first == "\\" { return rest.dropFirst() }
        }
        return nil
    }
}
