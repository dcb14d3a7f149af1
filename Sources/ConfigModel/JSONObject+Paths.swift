/// Reading and writing one value of a JSON object by its path of keys (a list item by its index when reading).
extension JSONObject {
    /// The value at `path`; nil where the path leads nowhere.
    public func value(at path: [String]) -> JSONValue? {
        path.reduce(JSONValue.object(self) as JSONValue?) { node, key in
            if case .array(let items)? = node { return Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil } }
            return node?[key]
        }
    }

    /// The object with `value` at `path` (a path through a list, or through a missing object, is left as it is).
    public func setting(_ value: JSONValue, at path: [String]) -> JSONObject {
        guard let key = path.first else { return self }
        var result = self
        if path.count == 1 {
            result[key] = value
        } else if case .object(let child)? = self[key] {
            result[key] = .object(child.setting(value, at: Array(path.dropFirst())))
        }
        return result
    }
}
