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
        // Written as UTF-8 bytes, made a String once: appending to an array costs far less than to a String.
        var out: [UInt8] = []
        write(value, into: &out, indent: pretty ? 0 : nil, Style(sortedKeys: sortedKeys, numbers: numbers))
        return String(decoding: out, as: UTF8.self)
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
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the text in double quotes, escaped. Only ASCII bytes are ever escaped, and no byte of a multi-byte
    /// UTF-8 sequence is ASCII, so the text is escaped byte by byte; text with nothing to escape is copied whole.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        let needsEscape = { (byte: UInt8) in byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }
        out.append(UInt8(ascii: "\""))
        guard text.utf8.contains(where: needsEscape) else {
            out.append(contentsOf: text.utf8)
            return out.append(UInt8(ascii: "\""))
        }
        for byte in text.utf8 {
            guard needsEscape(byte) else {
                out.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            default:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private struct Style {
        let sortedKeys: Bool
        let numbers: Numbers
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?, _ style: Style) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): out.append(contentsOf: (style.numbers == .shortest ? number.shortest.text : number.text).utf8)
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let items):
            writeCollection(items.lazy.map { (nil as String?, $0) }, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), into: &out, indent: indent, style)
        case .object(let object):
            var entries = object.entries
            if style.sortedKeys { entries.sort { $0.key < $1.key } }
            writeCollection(entries.lazy.map { ($0.key as String?, $0.value) }, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), into: &out,
                            indent: indent, style)
        }
    }

    private static func writeCollection(_ entries: some Collection<(String?, JSONValue)>, open: UInt8, close: UInt8,
                                        into out: inout [UInt8], indent: Int?, _ style: Style) {
        out.append(open)
        guard !entries.isEmpty else { return out.append(close) }
        let inner = indent.map { $0 + 2 }
        for (index, (key, value)) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let inner { newLine(indent: inner, into: &out) }
            if let key {
                appendQuoted(key, to: &out)
                out.append(contentsOf: (indent == nil ? ":" : ": ").utf8)
            }
            write(value, into: &out, indent: inner, style)
        }
        if let indent { newLine(indent: indent, into: &out) }
        out.append(close)
    }

    private static func newLine(indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }
}
