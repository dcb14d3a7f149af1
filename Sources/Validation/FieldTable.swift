import ConfigModel

/// The single source of truth for the fields of an agent file: validation, the JSON Schema, the configuration
/// reference and the YAML-to-JSON conversion all read it. The entries are generated from the vendor's OpenAPI
/// reference (plus the ranges its docs state) by scripts/generate-field-table.py.
public enum FieldTable {
    /// The fields in sections, as the configuration reference groups them: the top of the file, then each part.
    static let sections: [[FieldRule]] = [topFields, agentFields, promptFields, builtInToolsFields, ttsFields,
                                          asrFields, turnFields, conversationFields, vadFields, languagePresetsFields]

    public static let all: [FieldRule] = Array(sections.joined())

    private static let byPath: [String: FieldRule] = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })

    private static let childNames: [String: [String]] = {
        var children: [String: [String]] = [:]
        for rule in all {
            let parent = parentPattern(of: rule.path)
            children[parent, default: []].append(rule.name)
        }
        return children
    }()

    /// The rule for a path pattern such as `conversation_config.turn.turn_timeout` or `...language_presets.*.overrides`.
    public static func rule(_ pattern: String) -> FieldRule? { byPath[pattern] }

    /// The names of the known fields directly under an object's pattern ("" for the top of the file).
    public static func fieldNames(under pattern: String) -> [String] { childNames[pattern] ?? [] }

    /// The pattern of a child: a key under an object, any key under a map, any item of a list.
    public static func childPattern(_ parent: String, key: String?) -> String {
        let parentType = parent.isEmpty ? .object : byPath[parent]?.type
        switch (parentType, key) {
        case (.map?, _): return parent + ".*"
        case (_, nil): return parent + "[]"
        case (_, let key?): return parent.isEmpty ? key : parent + "." + key
        }
    }

    /// How scalars under a path of keys are read; list items are marked with a nil key.
    public static func scalarKind(at keys: [String?]) -> ScalarKind? {
        var pattern = ""
        var parent: FieldRule?
        for key in keys {
            pattern = childPattern(pattern, key: key)
            if parent?.type == .textList { return .text }
            parent = byPath[pattern]
        }
        return parent?.scalarKind
    }

    private static func parentPattern(of path: String) -> String {
        if path.hasSuffix("[]") { return String(path.dropLast(2)) }
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }
}

extension FieldTable {
    /// The values the API fills in for fields left unset, parsed once from the generated table.
    public static let serverDefaults: JSONObject = {
        (try? JSONParser.parse(serverDefaultsJSON))?.objectValue ?? JSONObject()
    }()

    /// The default at a path of keys, from the field table or the server defaults.
    public static func defaultValue(at keys: [String]) -> JSONValue? {
        var pattern = ""
        for key in keys { pattern = childPattern(pattern, key: key) }
        if let value = byPath[pattern]?.defaultValue { return value }
        var node: JSONValue? = .object(serverDefaults)
        for key in keys { node = node?[key] }
        return node
    }

    /// The order fields appear in the reference, for writing files people read in a familiar order.
    public static func order(of pattern: String) -> Int? { orderByPath[pattern] }

    private static let orderByPath: [String: Int] = Dictionary(all.enumerated().map { ($0.element.path, $0.offset) },
                                                               uniquingKeysWith: { a, _ in a })
}
