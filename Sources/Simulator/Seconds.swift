/// Simulated time in whole microseconds: exact decimal arithmetic and exact ties on every platform.
public typealias Microseconds = Int64

/// Converting between seconds written by people and the simulator's microseconds.
public enum Seconds {
    /// The value a timer holds when it is not running.
    static let never: Microseconds = .max

    /// No simulated moment lies beyond this (about 31 years), which keeps every sum of times far from overflow.
    static let horizon: Microseconds = 1_000_000_000_000_000

    /// Seconds (possibly fractional) to microseconds, rounded to the nearest one and kept within the horizon.
    public static func microseconds(_ seconds: Double) -> Microseconds {
        let scaled = (seconds * 1_000_000).rounded()
        guard scaled.isFinite else { return scaled < 0 ? -horizon : horizon }
        return Microseconds(min(max(scaled, -Double(horizon)), Double(horizon)))
    }

    /// Parses a plain decimal such as `4.5` or `20` exactly; nil for anything else (signs, exponents, > 6 decimals).
    public static func parse(_ text: Substring) -> Microseconds? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 9, whole.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        var value = Microseconds(whole)! * 1_000_000
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 6, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
            value += Microseconds(padded)!
        }
        return value
    }

    /// Fixed-point text with `decimals` digits (0...6), rounded half away from zero: `7.20` for 7_199_999 µs.
    public static func format(_ value: Microseconds, decimals: Int) -> String {
        var scale: Microseconds = 1
        for _ in 0..<(6 - decimals) { scale *= 10 }
        let magnitude = value.magnitude
        let rounded = (magnitude + UInt64(scale / 2)) / UInt64(scale)
        var unitScale: UInt64 = 1
        for _ in 0..<decimals { unitScale *= 10 }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        let whole = rounded / unitScale
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let fraction = String(rounded % unitScale)
        return "\(sign)\(whole).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }

    /// The shortest decimal that reads back as `value` microseconds: `4.5`, `20`, `0.075`.
    public static func shortest(_ value: Microseconds) -> String {
        var text = format(value, decimals: 6)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
