/// Fills in what the server returns for every property a stored agent leaves out,
/// walking the response schema so nested models (tools, workflow nodes) get their defaults too.
public struct DefaultsFiller: Sendable {
    let catalog: SchemaCatalog

    public init(catalog: SchemaCatalog) {
        self.catalog = catalog
    }

    public func fill(_ value: JSONValue, as schemaName: String) -> JSONValue {
        fill(value, catalog.schema(named: schemaName))
    }

    func fill(_ value: JSONValue, _ node: SchemaNode) -> JSONValue {
        if let ref = node.ref { return fill(value, catalog.schema(named: ref)) }
        if value == .null { return value }
        if let discriminator = node.discriminator, let tag = value[discriminator.propertyName],
           let target = discriminator.mapping[tag.stringValue ?? JSONWriter.string(tag)] {
            return fill(value, catalog.schema(named: target))
        }
        if let branches = node.anyOf ?? node.oneOf {
            return branch(for: value, among: branches).map { fill(value, $0) } ?? value
        }
        switch value {
        case .object(let members):
            if let properties = node.properties { return fillModel(members, node, properties) }
            guard case .values(let schema?) = node.extraKeys else { return value }
            return .object(members.mapValues { fill($0, schema) })
        case .array(let elements):
            guard let items = node.items else { return value }
            return .array(elements.map { fill($0, items) })
        default:
            return value
        }
    }

    private func fillModel(_ members: [String: JSONValue], _ node: SchemaNode, _ properties: [String: SchemaNode]) -> JSONValue {
        var result = members
        let defaults = node.name.flatMap { catalog.defaults[$0]?.objectValue } ?? [:]
        for (key, property) in properties {
            if let member = members[key] {
                result[key] = fill(member, property)
            } else if let fallback = defaults[key] {
                result[key] = fallback
            }
        }
        return .object(result)
    }

    /// The union branch a stored value was accepted under: the first whose shape fits it.
    private func branch(for value: JSONValue, among branches: [SchemaNode]) -> SchemaNode? {
        branches.first { candidate in
            let resolved = catalog.resolve(candidate)
            switch value {
            case .object(let members):
                guard let properties = resolved.properties else { return resolved.type == "object" }
                return members.keys.allSatisfy { properties[$0] != nil }
            case .array: return resolved.type == "array"
            default: return false
            }
        }
    }
}
