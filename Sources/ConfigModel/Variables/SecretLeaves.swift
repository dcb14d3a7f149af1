extension JSONObject {
    /// The object without the values at `paths` (a list on the way goes whole), so a secret value is never kept
    /// where it would be written, such as the sync state's base.
    public func removingValues(at paths: [[String]]) -> JSONObject {
        paths.reduce(self) { $0.removingValue(at: $1[...]) }
    }

    private func removingValue(at path: ArraySlice<String>) -> JSONObject {
        guard let key = path.first, let value = self[key] else { return self }
        if path.count > 1, case .object(let child) = value {
            var kept = self
            kept[key] = .object(child.removingValue(at: path.dropFirst()))
            return kept
        }
        return JSONObject(entries.filter { $0.key != key }.map { ($0.key, $0.value) })
    }
}

extension [[String]] {
    /// True when a field at `path` holds, or is held by, one of these paths.
    public func overlaps(_ path: [String]) -> Bool {
        contains { $0.starts(with: path) || path.starts(with: $0) }
    }
}
