/// How a plain scalar is read when no field type says otherwise: the YAML 1.2 core schema,
/// not YAML 1.1's guessing (`no`, `on`, `yes` stay text; `0o17` and `1_000` are not numbers).
public enum YAMLCoreSchema {
    /// A scalar written as a number: its value, or why no Double can hold it.
    public enum NumberReading: Equatable, Sendable {
        case value(Double)
        /// Beyond Double's range (`1e400`).
        case tooLarge
        /// Not zero, but closer to zero than Double can hold (`1e-400`): it would silently become 0.
        case tooSmall
    }

    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A decimal number as YAML 1.2 core (and JSON) writes it; `.inf` and `.nan` are not accepted,
    /// since the API cannot take them.
    public static func number(_ text: String) -> Double? {
        if case .value(let value)? = numberReading(text) { return value }
        return nil
    }

    /// The core schema's number grammar, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`; nil when the text is
    /// not a number at all.
    public static func numberReading(_ text: String) -> NumberReading? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> (count: Int, nonZero: Bool) {
            var count = 0, nonZero = false
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                nonZero = nonZero || bytes[index] != UInt8(ascii: "0")
                count += 1
                index += 1
            }
            return (count, nonZero)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let whole = digits()
        var fraction = (count: 0, nonZero: false)
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digits()
        }
        guard whole.count > 0 || fraction.count > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits().count > 0 else { return nil }
        }
        guard index == bytes.count, let value = Double(text) else { return nil }
        if !value.isFinite { return .tooLarge }
        if value == 0 && (whole.nonZero || fraction.nonZero) { return .tooSmall }
        return .value(value)
    }

    /// An integer as the core schema writes it: `[-+]?[0-9]+`.
    public static func isInteger(_ text: String) -> Bool {
        let digits = text.utf8.drop(while: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") })
        return text.utf8.count - digits.count <= 1 && !digits.isEmpty
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    public static func isNull(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
