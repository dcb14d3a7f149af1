/// The text of a value written into an existing file: in the style of the value it replaces where that style can
/// hold it, else as the deterministic `YAMLWriter` writes it, so the edited file reads back exactly.
enum YAMLValueText {
    /// A scalar or empty collection on one line, keeping single or double quotes when the old value had them.
    static func inline(_ value: JSONValue, like style: YAMLNode.ScalarStyle?, inFlow: Bool) -> String {
        switch value {
        case .string(let text):
            if style == .singleQuoted, canSingleQuote(text) { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
            if style == .doubleQuoted { return JSONText.quoted(text) }
            return inFlow ? flowScalar(text) : YAMLScalarText.scalar(text)
        case .array(let items):
            return "[" + items.map { inline($0, like: nil, inFlow: true) }.joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { flowKey($0.key) + ": " + inline($0.value, like: nil, inFlow: true) }
                .joined(separator: ", ") + "}"
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.shortest.text
        }
    }

    static func flowKey(_ key: String) -> String {
        let written = YAMLScalarText.key(key)
        return written.contains(where: { ",[]{}".contains($0) }) ? JSONText.quoted(key) : written
    }

    /// Inside `[...]` and `{...}` a comma or bracket ends a plain scalar, so such text is quoted.
    private static func flowScalar(_ text: String) -> String {
        let written = YAMLScalarText.scalar(text)
        return written.contains(where: { ",[]{}".contains($0) }) && !written.hasPrefix("\"") ? JSONText.quoted(text) : written
    }

    private static func canSingleQuote(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0 == "\u{FEFF}" || $0 == "\u{2028}" || $0 == "\u{2029}" } && text.first != " " && text.last != " "
    }

    /// What follows `key:` (or `-` when `asItem`) for a value, as `YAMLWriter` writes it, its later lines moved to
    /// `indent` (the key's or dash's column). No final line break.
    static func suffix(_ value: JSONValue, indent: Int, asItem: Bool) -> String {
        let document = asItem ? YAMLWriter.document(JSONObject([("_", .array([value]))]))
            : YAMLWriter.document(JSONObject([("_", value)]))
        let lines = document.dropFirst(asItem ? "_:\n  -".count : "_:".count)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let pad = String(repeating: " ", count: indent)
        var out = String(lines[0])
        for line in lines.dropFirst() {
            let relative = asItem ? line.dropFirst(2) : line[...]
            out += "\n" + (relative.isEmpty ? "" : pad + relative)
        }
        return out.hasSuffix("\n") ? String(out.dropLast()) : out
    }

    /// A literal block for `text` whose lines sit at `contentIndent`, under a parent at `parentIndent`; nil when the
    /// text cannot be a literal block (control characters, lines of only blanks).
    static func literalBlock(_ text: String, contentIndent: Int, parentIndent: Int) -> String? {
        let header: String
        if text.contains("\n") {
            guard let multiLine = YAMLScalarText.literalBlockHeader(text) else { return nil }
            header = multiLine
        } else {
            // One line: the header of the same line with a break, stripped of that break.
            guard !text.isEmpty, let oneLine = YAMLScalarText.literalBlockHeader(text + "\n") else { return nil }
            header = oneLine + "-"
        }
        let indicator = contentIndent - parentIndent
        guard (1...9).contains(indicator) else { return nil }
        let explicit = header.replacingOccurrences(of: "2", with: String(indicator))
        let pad = String(repeating: " ", count: contentIndent)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last == "" { lines.removeLast() }
        var out = explicit + "\n"
        for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
        let trailing = text.reversed().prefix(while: { $0 == "\n" }).count
        if trailing > 1 { out += String(repeating: "\n", count: trailing - 1) }
        return out
    }
}
