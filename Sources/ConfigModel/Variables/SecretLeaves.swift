extension JSONObject {
    /// The object without the leaves `isSecret` picks (a list holding one goes whole), so a secret value is never
    /// kept where it would be written, such as the sync state's base.
    public func removingLeaves(where isSecret: (JSONValue) -> Bool) -> JSONObject {
        var kept = JSONObject()
        for (key, value) in self {
            switch value {
            case .object(let child): kept[key] = .object(child.removingLeaves(where: isSecret))
            case .array(let items) where items.contains(where: { Self.holds($0, isSecret) }): continue
            default: if !isSecret(value) { kept[key] = value }
            }
        }
        return kept
    }

    private static func holds(_ value: JSONValue, _ isSecret: (JSONValue) -> Bool) -> Bool {
        switch value {
        case .object(let object): return object.contains { holds($0.value, isSecret) }
        case .array(let items): return items.contains { holds($0, isSecret) }
        default: return isSecret(value)
        }
    }
}
