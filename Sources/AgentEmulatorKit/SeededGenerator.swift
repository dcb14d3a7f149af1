/// SplitMix64: a small deterministic generator, so `--random-seed` reproduces IDs and latencies.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    private static let idAlphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// An identifier shaped like the API's (`agent_` followed by 28 lowercase base-32 characters).
    public mutating func identifier(prefix: String) -> String {
        prefix + String((0..<28).map { _ in Self.idAlphabet[Int(next() % UInt64(Self.idAlphabet.count))] })
    }
}
