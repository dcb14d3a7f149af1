/// Suggests the known name a mistyped key was most likely meant to be. Built once per set of names, so a mapping
/// of 100,000 unknown keys prepares its names once, not once per key.
public struct DidYouMean: Sendable {
    private struct Name: Sendable {
        let name: String
        let scalars: [Unicode.Scalar]
        /// Lowercased without `_` and `-`, for the prefix hint.
        let compact: [Unicode.Scalar]
    }

    private let names: [Name]

    public init(_ candidates: [String]) {
        names = candidates.map { Name(name: $0, scalars: Array($0.unicodeScalars), compact: Self.compact($0)) }
    }

    /// The closest candidate within a small edit distance, or nil when nothing is close enough to be a typo.
    /// The work is bounded: a candidate whose length differs by more than the limit is never compared, so a 1 MB
    /// value costs one length count.
    public func suggestion(for key: String) -> String? {
        let length = key.unicodeScalars.count
        let limit = max(1, min(3, length / 4))
        var lowered: [Unicode.Scalar]?
        var best: (name: String, distance: Int)?
        for name in names where abs(name.scalars.count - length) <= limit {
            let key = lowered ?? Array(key.lowercased().unicodeScalars)
            lowered = key
            let distance = Self.editDistance(key, name.scalars)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (name.name, distance) }
        }
        return best?.name
    }

    /// The likely meant names: the closest within a small edit distance, else every name that the key, without its
    /// separators, begins (`apikey` for `api_key_env` and `api_key_file`), so a shortened key also gets a hint.
    public func suggestions(for key: String) -> [String] {
        if let closest = suggestion(for: key) { return [closest] }
        let typed = Self.compact(key)
        guard typed.count >= 3 else { return [] }
        return names.filter { $0.compact.starts(with: typed) }.map(\.name)
    }

    public static func suggestion(for key: String, among candidates: [String]) -> String? {
        DidYouMean(candidates).suggestion(for: key)
    }

    public static func suggestions(for key: String, among candidates: [String]) -> [String] {
        DidYouMean(candidates).suggestions(for: key)
    }

    private static func compact(_ name: String) -> [Unicode.Scalar] {
        name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }
    }

    /// Damerau-Levenshtein distance (optimal string alignment): swapped neighbours count as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Damerau-Levenshtein distance (optimal string alignment): swapped neighbours count as one edit.
    /// Three rows of memory, not a full matrix.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
