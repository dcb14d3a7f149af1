import ConfigModel

/// A short, stable name for a resource's content: SHA-256 of its canonical JSON (keys sorted, numbers in their
/// shortest form), so the same values hash the same however a file or a server spelled them.
public enum ContentHash {
    public static func of(_ object: JSONObject) -> String {
        sha256Hex(Array(JSONText.encode(.object(object), sortedKeys: true, numbers: .shortest).utf8))
    }

    /// The hash a lock records for a file: of its content without the values of secret variables (`secretPaths`),
    /// since a hash of a secret lets anyone who reads the lock confirm a guess of it.
    public static func ofFile(_ content: JSONObject, secretPaths: [[String]]) -> String {
        of(secretPaths.isEmpty ? content : content.removingValues(at: secretPaths))
    }

    /// Every hash a lock entry may hold for this content: the secret-free one written now and, when secret variables
    /// fill some fields, the hash with their values in, as locks before recorded it (recognised until the next sync).
    public static func recognised(_ content: JSONObject, secretPaths: [[String]]) -> [String] {
        [ofFile(content, secretPaths: secretPaths)] + (secretPaths.isEmpty ? [] : [of(content)])
    }

    /// FIPS 180-4 SHA-256, written out because Foundation on Linux has no digest and the package takes no dependency.
    /// Works on raw buffers: agent prompts of a megabyte are hashed on every sync.
    static func sha256Hex(_ message: [UInt8]) -> String {
        var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var padded = message
        padded.append(0x80)
        padded.append(contentsOf: [UInt8](repeating: 0, count: (120 - padded.count % 64) % 64))
        let bits = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let words = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { words.deallocate() }
        padded.withUnsafeBufferPointer { bytes in
            state.withUnsafeMutableBufferPointer { hash in
                for chunk in stride(from: 0, to: bytes.count, by: 64) {
                    compress(bytes.baseAddress! + chunk, words: words, hash: hash.baseAddress!)
                }
            }
        }
        return state.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    private static func compress(_ block: UnsafePointer<UInt8>, words: UnsafeMutablePointer<UInt32>,
                                 hash: UnsafeMutablePointer<UInt32>) {
        for i in 0..<16 {
            words[i] = UInt32(block[i * 4]) << 24 | UInt32(block[i * 4 + 1]) << 16 | UInt32(block[i * 4 + 2]) << 8
                | UInt32(block[i * 4 + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(words[i - 15], 7) ^ rotate(words[i - 15], 18) ^ (words[i - 15] >> 3)
            let s1 = rotate(words[i - 2], 17) ^ rotate(words[i - 2], 19) ^ (words[i - 2] >> 10)
            words[i] = words[i - 16] &+ s0 &+ words[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
        roundConstants.withUnsafeBufferPointer { constants in
            for i in 0..<64 {
                let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ constants[i] &+ words[i]
                let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
        }
        for (i, value) in [a, b, c, d, e, f, g, h].enumerated() { hash[i] = hash[i] &+ value }
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { value >> count | value << (32 - count) }

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
