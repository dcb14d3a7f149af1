/// Text taken from a file or a server, made safe to print: every control character is shown as an escape (`\n`,
/// `\u{1B}`), so no value can start a line of its own (and forge a `file:line:col` message) or drive the terminal.
public enum VisibleText {
    public static func escape(_ text: String) -> String {
        if text.isPrintableASCII || !text.unicodeScalars.contains(where: isControl) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides that
    /// make a terminal show text in another order than it is.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
