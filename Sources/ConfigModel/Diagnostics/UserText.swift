/// Text from a file as a message quotes it: long values shortened, characters that cannot be seen named.
public enum UserText {
    /// Code points of a value a message quotes before shortening it.
    public static let shownLength = 60

    /// The text with each invisible or control character written as `<U+00A0>`, cut to `shownLength` code points.
    public static func shown(_ text: String) -> String {
        if text.utf8.count <= shownLength, text.isPrintableASCII { return text }
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == shownLength { return out + "…(\(text.unicodeScalars.count) characters)" }
            count += 1
            out += isInvisible(scalar) ? "<\(code(scalar))>" : String(scalar)
        }
        return out
    }

    /// `U+00A0 NO-BREAK SPACE, U+200B ZERO WIDTH SPACE` for the distinct invisible characters in the text, or nil.
    public static func invisibleCharacters(in text: String) -> String? {
        if text.isPrintableASCII { return nil }
        var seen: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where isInvisible(scalar) && !seen.contains(scalar) {
            seen.append(scalar)
            if seen.count == 3 { break }
        }
        return seen.isEmpty ? nil : seen.map(name).joined(separator: ", ")
    }

    /// `U+001B ESCAPE`: the code point and its Unicode name (or alias, for control characters).
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let name = scalar.properties.name ?? scalar.properties.nameAlias ?? controlNames[scalar.value] ?? "CONTROL CHARACTER"
        return "\(code(scalar)) \(name)"
    }

    /// Unicode gives control characters no name; these are their aliases from the standard's NameAliases.txt.
    private static let controlNames: [UInt32: String] = [
        0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x1B: "ESCAPE",
        0x7F: "DELETE", 0x85: "NEXT LINE", 0x9B: "CONTROL SEQUENCE INTRODUCER",
    ]

    /// Spaces other than U+0020, zero-width and direction marks, and control characters other than tab.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.value == 0x3164 || scalar.value == 0x115F || scalar.value == 0x1160
        }
    }

    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
