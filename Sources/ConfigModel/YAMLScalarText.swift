/// Decides how a piece of text is written in YAML so that every reader (YAML 1.1 or 1.2) reads it back as text.
enum YAMLScalarText {
    private static let yaml11Words: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF", ".inf", ".Inf", ".INF", "-.inf", ".nan", ".NaN", ".NAN",
    ]
    private static let indicators: Set<Character> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    static func key(_ key: String) -> String {
        let simple = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            && !(key.first == "-")
        return simple && !needsQuotes(key) ? key : quoted(key)
    }

    static func scalar(_ text: String) -> String {
        needsQuotes(text) ? quoted(text) : text
    }

    /// A double-quoted YAML scalar: JSON's escapes, plus `\u` escapes for what YAML does not allow raw (DEL, C1
    /// controls, U+FFFE/U+FFFF) or what libyaml reads as a line break (U+2028, U+2029) or a byte-order mark.
    static func quoted(_ text: String) -> String {
        var out = ""
        for scalar in JSONText.quoted(text).unicodeScalars {
            let value = scalar.value
            if value == 0x7F || (0x80...0x9F).contains(value) || value == 0xFEFF || value == 0x2028 || value == 0x2029
                || value == 0xFFFE || value == 0xFFFF {
                let hex = String(value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if first == " " || last == " " || indicators.contains(first) { return true }
        if YAMLCoreSchema.isNull(text) || YAMLCoreSchema.bool(text) != nil || yaml11Words.contains(text) { return true }
        if looksNumeric(text) { return true }
        if text.contains(": ") || text.contains(" #") || last == ":" { return true }
        return text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FFFE}" || $0 == "\u{FFFF}" }
    }

    /// Text some YAML reader could take for a number, a date or a time (`1e3`, `0x1F`, `1_000`, `12:30`, `2024-01-02`).
    private static func looksNumeric(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        let start = "0123456789+-.".unicodeScalars.contains(first)
        return start && text.unicodeScalars.allSatisfy { "0123456789abcdefABCDEFxXoO_.:+-eE".unicodeScalars.contains($0) }
    }

    /// `|`, `|-` or `|+` (with an indentation digit when the text starts with a space) when multi-line text can be
    /// written as a literal block and read back exactly; nil when it must be a quoted string.
    static func literalBlockHeader(_ text: String) -> String? {
        guard text.contains("\n") else { return nil }
        let unsafe = text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F
            || (0x80...0x9F).contains($0.value) || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" }
        if unsafe { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A line of only blanks, or a leading tab, cannot be told apart from indentation when read back.
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }) { return nil }
        guard let firstLine = lines.first(where: { !$0.isEmpty }), firstLine.first != "\t" else { return nil }
        let indentation = firstLine.first == " " ? "2" : ""
        let trailing = text.reversed().prefix(while: { $0 == "\n" }).count
        let chomping = trailing == 0 ? "-" : (trailing == 1 ? "" : "+")
        return "|" + indentation + chomping
    }
}
