/// How a source line is shown under a diagnostic so the caret lands under the right character on a terminal:
/// tabs as four spaces, combining marks as nothing, wide CJK and emoji as two cells, and characters that would
/// move the cursor or reorder the line (controls, bidi overrides) as one visible symbol.
enum TerminalWidth {
    /// Code points shown on each side of the column when a line is too long to print whole (a 1 MB value).
    static let reach = 60

    /// The part of a long line around the column, marked with `…` where it was cut, and the column within it.
    static func window(_ line: Substring, column: Int) -> (line: Substring, column: Int) {
        let scalars = line.unicodeScalars
        // A line of few bytes has no more code points: most lines are decided without counting.
        guard line.utf8.count > 2 * reach + 2, scalars.count > 2 * reach + 2 else { return (line, column) }
        let start = max(0, column - 1 - reach)
        let lower = scalars.index(scalars.startIndex, offsetBy: start)
        let upper = scalars.index(lower, offsetBy: 2 * reach, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var shown = Substring(scalars[lower..<upper])
        if start > 0 { shown = "…" + shown }
        if upper < scalars.endIndex { shown += "…" }
        return (shown, column - start + (start > 0 ? 1 : 0))
    }

    /// The line as printed, appended to `out`; a line of visible ASCII is copied whole.
    static func appendDisplay(_ line: Substring, to out: inout String) {
        if line.isPrintableASCII { return out += line }
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                out += "    "
            } else if let symbol = substitute(scalar) {
                out.unicodeScalars.append(symbol)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Spaces reaching the 1-based code-point `column` of the line as printed.
    static func padding(_ line: Substring, column: Int) -> String {
        let before = line.unicodeScalars.prefix(max(0, column - 1))
        if Substring(before).isPrintableASCII {
            return String(repeating: " ", count: before.count)
        }
        var cells = 0
        for scalar in before {
            cells += scalar == "\t" ? 4 : substitute(scalar) != nil ? 1 : width(scalar)
        }
        return String(repeating: " ", count: cells)
    }

    /// The symbol shown instead of a character that a terminal would act on rather than print.
    private static func substitute(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value)  // ␀ ... ␟
        case 0x7F: return "\u{2421}"  // ␡
        case 0x80...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return "\u{FFFD}"
        default: return nil
        }
    }

    /// Terminal cells a printable code point takes.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if properties.isVariationSelector { return 0 }
        if properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
