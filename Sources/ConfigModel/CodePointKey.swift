import Foundation

/// A mapping key compared and hashed by its code points (UTF-8 bytes), as YAML and JSON compare keys: Swift's `String`
/// equality would make `café` precomposed and decomposed one key. Used where keys are looked up in bulk (mappings,
/// `JSONObject`).
struct CodePointKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: CodePointKey, rhs: CodePointKey) -> Bool { lhs.text.hasSameCodePoints(as: rhs.text) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    /// Equal code point for code point (the same UTF-8 bytes), where `==` also equates canonically equivalent text.
    /// Compares the stored bytes with `memcmp`: a byte-by-byte loop cost more than the rest of a key lookup.
    public func hasSameCodePoints(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var left = self, right = other
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return true }
                return memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
    }
}
