/// Where one emulator draws its IDs from: the run seed, mixed with the instance name when one is given, so two
/// emulators side by side (a staging and a production) hand out different IDs while each run repeats its own.
public struct IDSpace: Sendable {
    private let seed: UInt64

    public init(seed: UInt64, instance: String?) {
        self.seed = instance.map { seed ^ Self.hash($0) } ?? seed
    }

    /// A generator per kind of resource, so creating a tool does not shift the IDs of the agents created after it;
    /// the agents' stream (no kind) is the seed itself, as before instances and other resources existed.
    public func generator(_ kind: String = "") -> SeededGenerator {
        SeededGenerator(seed: kind.isEmpty ? seed : seed ^ Self.hash(kind))
    }

    /// FNV-1a: stable across runs and platforms, unlike `Hasher`.
    private static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}

extension SeededGenerator {
    private static let documentAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A 20-character document ID, the shape the reference shows for agent tests (`TeaqRRdTcIfIu2i7BYfT`).
    mutating func documentIdentifier() -> String {
        String((0..<20).map { _ in Self.documentAlphabet[Int(next() % UInt64(Self.documentAlphabet.count))] })
    }
}
