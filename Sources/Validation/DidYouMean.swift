/// Suggests the known name a mistyped key was most likely meant to be.
public enum DidYouMean {
    /// The closest candidate within a small edit distance, or nil when nothing is close enough to be a typo.
    public static func suggestion(for key: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, key.count / 4))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key.lowercased(), candidate)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// The likely meant names: the closest within a small edit distance, else every name that the key, without its
    /// separators, begins (`apikey` for `api_key_env` and `api_key_file`), so a shortened key also gets a hint.
    public static func suggestions(for key: String, among candidates: [String]) -> [String] {
        if let closest = suggestion(for: key, among: candidates) { return [closest] }
        let compact = { (name: String) in name.lowercased().filter { $0 != "_" && $0 != "-" } }
        let typed = compact(key)
        guard typed.count >= 3 else { return [] }
        return candidates.filter { compact($0).hasPrefix(typed) }
    }

    /// Damerau-Levenshtein distance (optimal string alignment): swapped neighbours count as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
