/// How a plain scalar is read when no field type says otherwise: the YAML 1.2 core schema,
/// not YAML 1.1's guessing (`no`, `on`, `yes` stay text; `0o17` and `1_000` are not numbers).
public enum YAMLCoreSchema {
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
        guard let first = text.utf8.first else { return nil }
        let digitsOrSign = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard digitsOrSign else { return nil }
        for byte in text.utf8 {
            let ok = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            if !ok { return nil }
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    public static func isNull(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
