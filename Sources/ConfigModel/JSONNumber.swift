/// A JSON number kept as its text, so integers and floats stay apart (`7` is not `7.0` on the wire, as pydantic
/// reads it) and a 19-digit integer stays exact. Two numbers are equal when their values are: see `==`.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as JSON writes it: what was read, or the shortest form of the value it was made from.
    public let text: String

    /// Text that follows the JSON number grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`) and whose
    /// value is within Double's range; nil otherwise, so every `JSONNumber` can be written back as valid JSON.
    public init?(_ text: String) {
        guard Self.grammarLength(Array(text.utf8), from: 0) == text.utf8.count, Self.isWithinRange(text) else {
            return nil
        }
        self.text = text
    }

    public init(_ value: some BinaryInteger) { text = String(value) }

    /// The shortest text that reads back as `value`: whole numbers without a fraction (`7`), others in Swift's
    /// shortest round-trip form. A Double does not say how it was written, so this is how agentctl writes it.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON has no infinity or NaN")
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
    }

    init(validatedText: String) { text = validatedText }

    public var description: String { text }

    /// True when written without a fraction or exponent: an integer on the wire.
    public var isInteger: Bool { !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } }

    /// The value as a Double (the nearest one, for integers beyond 2^53).
    public var doubleValue: Double { Double(text) ?? 0 }

    /// The same value in its shortest form, as `init(_: Double)` writes it: `7.0` as `7`.
    public var shortest: JSONNumber { JSONNumber(doubleValue) }

    /// The exact integer, when written as one and within Int's range.
    public var intValue: Int? { isInteger ? Int(text) : nil }

    /// Numbers compare by value, as agentctl's comparisons always have: `7` and `7.0` are the same setting, so a
    /// diff of them is no change. The wire form stays in `text` and `isInteger` for whoever needs it.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.doubleValue == rhs.doubleValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(doubleValue) }

    /// How many bytes from `start` form a JSON number, or nil when none starts there.
    static func grammarLength(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0, !(leadingZero && whole > 1) else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        return index - start
    }

    /// False when the value overflows Double (`1e400`) or a non-zero value underflows to zero (`1e-400`).
    static func isWithinRange(_ text: String) -> Bool {
        guard let value = Double(text), value.isFinite else { return false }
        let mantissa = text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
        return value != 0 || !mantissa.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
    public init(floatLiteral value: Double) { self.init(value) }
}
