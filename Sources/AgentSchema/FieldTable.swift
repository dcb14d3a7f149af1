import ConfigModel

/// The single source of truth for the fields of one kind of file: validation, the JSON Schema, the configuration
/// reference, the YAML-to-JSON conversion and the defaults all read it. Each table (`FieldTable.agent`, `.tool`,
/// `.test`) is generated from the vendor's OpenAPI reference (plus the ranges its docs state) by
/// scripts/generate-schema.py.
public struct FieldTable: Sendable {
    /// The fields in sections, as the configuration reference groups them: the top of the file, then each part.
    public let sections: [[FieldRule]]
    public let all: [FieldRule]
    /// The values the API fills in for fields left unset.
    public let serverDefaults: JSONObject
    /// Every key not in the table is an error (the project file), not a field the API may have added since.
    public let rejectsUnknownKeys: Bool
    /// Every pattern as a tree (`FieldTable+Places`); `placeByPattern` finds a pattern's place from its text.
    let places: [PatternPlace]
    private let placeByPattern: [String: Int]

    init(sections: [[FieldRule]], serverDefaultsJSON: String, rejectsUnknownKeys: Bool = false) {
        self.sections = sections
        self.rejectsUnknownKeys = rejectsUnknownKeys
        all = Array(sections.joined())
        serverDefaults = (try? JSONParser.parse(serverDefaultsJSON))?.objectValue ?? JSONObject()
        var tree = PatternTree()
        for (order, rule) in all.enumerated() { tree.add(rule, order: order) }
        places = tree.places
        placeByPattern = tree.indexByPattern
    }

    /// The rule for a path pattern such as `conversation_config.turn.turn_timeout` or `...language_presets.*.overrides`.
    /// Matched by code points: a key that only looks like a field (`\u{212A}eywords`, Kelvin sign) is not that field.
    public func rule(_ pattern: String) -> FieldRule? {
        guard let index = placeByPattern[pattern], let rule = places[index].rule, rule.path.hasSameCodePoints(as: pattern)
        else { return nil }
        return rule
    }

    /// The names of the known fields directly under an object's pattern ("" for the top of the file).
    public func fieldNames(under pattern: String) -> [String] { placeByPattern[pattern].map { places[$0].names } ?? [] }

    /// The names of the fields under an object's pattern that the API requires.
    public func requiredFieldNames(under pattern: String) -> [String] {
        placeByPattern[pattern].map { places[$0].requiredNames } ?? []
    }

    /// The pattern of a child: a key under an object, any key under a map, any item of a list.
    public func childPattern(_ parent: String, key: String?) -> String {
        childPattern(parent, type: parent.isEmpty ? .object : rule(parent)?.type, key: key)
    }

    /// `childPattern` where the parent's type is known: one lookup fewer for each value of an answer.
    func childPattern(_ parent: String, type parentType: FieldRule.ValueType?, key: String?) -> String {
        switch (parentType, key) {
        case (.map?, _): return parent + ".*"
        case (_, nil): return parent + "[]"
        case (_, let key?): return parent.isEmpty ? key : parent + "." + key
        }
    }

    /// The pattern whose fields a value follows: for a union, the shape its discriminator names (`tool_config{webhook}`);
    /// the union's own pattern when the value names no known shape.
    public func shape(of pattern: String, for node: YAMLNode) -> String {
        guard let rule = rule(pattern), rule.type == .union, let discriminator = rule.discriminator,
              let value = node[discriminator]?.scalar?.text, rule.allowed?.contains(value) == true else { return pattern }
        return rule.variantPattern(value)
    }

    /// The pattern of the whole file: "" for a file of fields, the chosen shape when the file is a union.
    public func rootPattern(for root: YAMLNode) -> String { shape(of: "", for: root) }

    /// The default at a path of keys, from the field table or the server defaults.
    public func defaultValue(at keys: [String]) -> JSONValue? {
        var pattern = ""
        for key in keys { pattern = childPattern(pattern, key: key) }
        if let value = rule(pattern)?.defaultValue { return value }
        var node: JSONValue? = .object(serverDefaults)
        for key in keys { node = node?[key] }
        return node
    }

    /// The order fields appear in the reference, for writing files people read in a familiar order.
    public func order(of pattern: String) -> Int? { placeByPattern[pattern].flatMap { places[$0].order } }

    /// The JSON the API receives for a document: every key the user wrote, scalars typed by their field.
    public func requestBody(_ document: AgentDocument) -> JSONValue {
        json(document.root, pattern: rootPattern(for: document.root), itemsAreText: false)
    }

    private func json(_ node: YAMLNode, pattern: String, itemsAreText: Bool) -> JSONValue {
        let pattern = shape(of: pattern, for: node)
        let rule = rule(pattern)
        switch node.content {
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { pair in
                (pair.key, json(pair.value, pattern: childPattern(pattern, key: pair.key), itemsAreText: false))
            }))
        case .sequence(let items):
            let child = childPattern(pattern, key: nil)
            return .array(items.map { json($0, pattern: child, itemsAreText: rule?.type == .textList) })
        case .scalar:
            let kind = itemsAreText ? .text : rule?.scalarKind
            return NodeConversion.json(node, kind: { _ in kind })
        }
    }
}
