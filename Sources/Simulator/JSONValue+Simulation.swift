import ConfigModel

/// The simulator's numbers in JSON: times as exact decimals of seconds, counts as integers.
extension JSONValue {
    /// Microseconds as the shortest exact decimal of seconds (`4.5`, `20`, `0.000012`), never an exponent.
    static func seconds(_ value: Microseconds) -> JSONValue { decimal(Seconds.shortest(value)) }
    /// A share given in millionths, such as 0.0123.
    static func fraction(millionths value: Microseconds) -> JSONValue { decimal(Seconds.shortest(value)) }
    static func int(_ value: some BinaryInteger) -> JSONValue { .number(JSONNumber(value)) }
    /// Integral doubles print without a fraction (`7`); others use Swift's shortest round-trip form.
    static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// `Seconds.shortest` writes only digits, a sign and a point, which is always a JSON number.
    private static func decimal(_ text: String) -> JSONValue { JSONNumber(text).map(JSONValue.number) ?? .null }

    /// An object with `members` in the order given.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }
}
