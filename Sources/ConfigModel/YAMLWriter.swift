/// Writes a JSON value as block-style YAML, deterministically: keys in the order given, two-space indent,
/// quotes only where a reader could take the text for something else, literal blocks for multi-line text.
public enum YAMLWriter {
    /// A YAML document for `object`, after `comments` (each written as a `# ` line).
    public static func document(_ object: JSONObject, comments: [String] = []) -> String {
        var out = comments.map { "# \($0)\n" }.joined()
        if object.isEmpty { return out + "{}\n" }
        writeMapping(object, indent: 0, into: &out)
        return out
    }

    private static func writeMapping(_ object: JSONObject, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in object {
            out += pad + YAMLScalarText.key(key) + ":"
            writeValue(value, indent: indent, into: &out)
        }
    }

    /// Writes what follows `key:` or `-`: inline for scalars and empty collections, else on the next lines.
    private static func writeValue(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let object) where !object.isEmpty:
            out += "\n"
            writeMapping(object, indent: indent + 2, into: &out)
        case .array(let items) where !items.isEmpty:
            out += "\n"
            writeSequence(items, indent: indent + 2, into: &out)
        case .string(let text) where YAMLScalarText.literalBlockHeader(text) != nil:
            out += " " + YAMLScalarText.literalBlockHeader(text)! + "\n"
            let pad = String(repeating: " ", count: indent + 2)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            while lines.last == "" { lines.removeLast() }
            for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
            let trailing = text.reversed().prefix(while: { $0 == "\n" }).count
            if trailing > 1 { out += String(repeating: "\n", count: trailing - 1) }
        default:
            out += " " + inline(value) + "\n"
        }
    }

    private static func writeSequence(_ items: [JSONValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if case .object(let object) = item, !object.isEmpty {
                // The first key shares the dash's line; the rest align under it.
                var nested = ""
                writeMapping(object, indent: indent + 2, into: &nested)
                out += pad + "- " + nested.dropFirst(indent + 2)
            } else {
                out += pad + "-"
                writeValue(item, indent: indent, into: &out)
            }
        }
    }

    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.shortest.text
        case .string(let text): return YAMLScalarText.scalar(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }
}
