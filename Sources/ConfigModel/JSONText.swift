/// Writes JSON text deterministically: keys in the object's order (or sorted), numbers in their shortest form.
public enum JSONText {
    public static func encode(_ value: JSONValue, pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil, sortedKeys: sortedKeys)
        return out
    }

    /// A number as JSON writes it: whole numbers without a fraction, others in Swift's shortest round-trip form.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

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

    private static func write(_ value: JSONValue, into out: inout String, indent: Int?, sortedKeys: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += self.number(number)
        case .string(let text): out += quoted(text)
        case .array(let items):
            writeCollection(items.map { (nil as String?, $0) }, open: "[", close: "]", into: &out, indent: indent,
                            sortedKeys: sortedKeys)
        case .object(let object):
            var entries = object.entries
            if sortedKeys { entries.sort { $0.key < $1.key } }
            writeCollection(entries.map { ($0.key as String?, $0.value) }, open: "{", close: "}", into: &out,
                            indent: indent, sortedKeys: sortedKeys)
        }
    }

    private static func writeCollection(_ entries: [(String?, JSONValue)], open: String, close: String,
                                        into out: inout String, indent: Int?, sortedKeys: Bool) {
        out += open
        guard !entries.isEmpty else { return out += close }
        let inner = indent.map { $0 + 2 }
        for (index, (key, value)) in entries.enumerated() {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            if let key { out += quoted(key) + (indent == nil ? ":" : ": ") }
            write(value, into: &out, indent: inner, sortedKeys: sortedKeys)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }
}
