import AgentSchema
import ConfigModel

/// Reading a table whose fields sit under unions (`tool_config{webhook}.name`, a test's `{llm}.name`) by the keys of
/// a file alone: every shape a union may take is a candidate, the first that knows the field answers.
extension FieldTable {
    /// The patterns the keys may stand for (nil keys are list items), one per combination of union shapes.
    func patterns(_ keys: [String?]) -> [String] {
        var patterns = shapes("")
        for key in keys {
            patterns = patterns.flatMap { shapes(childPattern($0, key: key)) }
        }
        return patterns
    }

    /// A pattern, or each of its shapes when it is a union.
    private func shapes(_ pattern: String) -> [String] {
        guard let rule = rule(pattern), rule.type == .union, let allowed = rule.allowed, !allowed.isEmpty else { return [pattern] }
        return allowed.map(rule.variantPattern)
    }

    /// The documented default of a field in any shape; `[]` in `keys` stands for any item of a list.
    func defaultAcrossShapes(at keys: [String]) -> JSONValue? {
        // A field with one allowed value tags a union's shape (`type: webhook`): never left out of a file.
        patterns(keys.map { $0 == ListItems.anyItem ? nil : $0 }).lazy.compactMap { self.rule($0) }
            .first { $0.allowed?.count != 1 }?.defaultValue
    }

    /// The reference's position of a field in any shape.
    func orderAcrossShapes(parent: [String?], key: String) -> Int? {
        patterns(parent + [key]).lazy.compactMap { self.order(of: $0) }.first
    }

    /// The top-level keys of every shape, in the reference's order.
    func topLevelKeys() -> [String] {
        var keys: [String] = []
        for pattern in shapes("") {
            for name in fieldNames(under: pattern) where !keys.contains(name) { keys.append(name) }
        }
        return keys
    }
}
