/// Writes JSON text deterministically: keys in the object's order (or sorted), numbers as their text.
public enum JSONText {
    /// How numbers are written.
    public enum Numbers: Sendable {
        /// Exactly as read or made: `7.0` stays `7.0` (request bodies, round trips).
        case asHeld
        /// In the shortest form of their value: `7.0` as `7`. For what agentctl shows and keeps (plans, the lock),
        /// so its output does not depend on how a server spelled a number.
        case shortest
    }

    public static func encode(_ value: JSONValue, pretty: Bool = false, sortedKeys: Bool = false,
                              numbers: Numbers = .asHeld) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil, Style(sortedKeys: sortedKeys, numbers: numbers))
        return out
    }

    /// A top-level object with one member per line and the arrays named in `oneItemPerLine` one item per line;
    /// everything else compact. Reads well as a file and diffs line by line (the simulator's timelines).
    public static func document(_ object: JSONObject, oneItemPerLine: Set<String>) -> String {
        var out = "{\n"
        for (index, (key, value)) in object.entries.enumerated() {
            out += "  " + quoted(key) + ": "
            if oneItemPerLine.contains(key), case .array(let items) = value, !items.isEmpty {
                out += "[\n" + items.map { "    " + encode($0) }.joined(separator: ",\n") + "\n  ]"
            } else {
                out += encode(value)
            }
            out += index + 1 < object.count ? ",\n" : "\n"
        }
        return out + "}\n"
    }

    /// A number as agentctl writes a Double: whole numbers without a fraction, others in the shortest form.
    public static func number(_ value: Double) -> String { JSONNumber(value).text }

    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private struct Style {
        let sortedKeys: Bool
        let numbers: Numbers
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int?, _ style: Style) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += style.numbers == .shortest ? number.shortest.text : number.text
        case .string(let text): out += quoted(text)
        case .array(let items):
            writeCollection(items.map { (nil as String?, $0) }, open: "[", close: "]", into: &out, indent: indent, style)
        case .object(let object):
            var entries = object.entries
            if style.sortedKeys { entries.sort { $0.key < $1.key } }
            writeCollection(entries.map { ($0.key as String?, $0.value) }, open: "{", close: "}", into: &out,
                            indent: indent, style)
        }
    }

    private static func writeCollection(_ entries: [(String?, JSONValue)], open: String, close: String,
                                        into out: inout String, indent: Int?, _ style: Style) {
        out += open
        guard !entries.isEmpty else { return out += close }
        let inner = indent.map { $0 + 2 }
        for (index, (key, value)) in entries.enumerated() {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            if let key { out += quoted(key) + (indent == nil ? ":" : ": ") }
            write(value, into: &out, indent: inner, style)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }
}
