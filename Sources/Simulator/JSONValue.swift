import ConfigModel

/// A JSON value with keys kept in the order written, so output is byte-identical run after run.
enum JSONValue {
    /// Already formatted as a JSON number.
    case number(String)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func seconds(_ value: Microseconds) -> JSONValue { .number(Seconds.shortest(value)) }
    /// A share given in millionths, such as 0.0123.
    static func fraction(millionths value: Microseconds) -> JSONValue { .number(Seconds.shortest(value)) }
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// Integral doubles print without a fraction (`7`); others use Swift's shortest round-trip form.
    static func double(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number(value.description)
    }

    /// One line, no spaces.
    var compact: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .number(let text): output += text
        case .string(let text): output += JSONText.quoted(text)
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                output += JSONText.quoted(key)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// A top-level object with one member per line, and arrays named in `oneItemPerLine` one item per line.
    func document(oneItemPerLine: Set<String>) -> String {
        guard case .object(let members) = self else { return compact + "\n" }
        var output = "{\n"
        for (index, (key, value)) in members.enumerated() {
            output += "  " + JSONValue.string(key).compact + ": "
            if oneItemPerLine.contains(key), case .array(let items) = value, !items.isEmpty {
                output += "[\n" + items.map { "    " + $0.compact }.joined(separator: ",\n") + "\n  ]"
            } else {
                output += value.compact
            }
            output += index + 1 < members.count ? ",\n" : "\n"
        }
        return output + "}\n"
    }
}
