import ConfigModel

/// What a resource file holds when agentctl writes it from the live resource: the fields a user sets (never the
/// server's bookkeeping), without the values the server fills in by default, in the reference's order.
public enum FileContent {
    /// The file content for a live resource. A value equal to its documented default, or null or empty, is left
    /// out, unless `full` is set or the existing file (`stated`) already states that field.
    public static func fromRemote(_ remote: JSONObject, stated: JSONObject?, full: Bool, schema: ResourceSchema) -> JSONObject {
        var content = JSONObject()
        for key in schema.fileKeys {
            guard let value = remote[key] else { continue }
            let items = ListItems.trimmed(value, stated: stated?[key], path: [key], defaults: schema.defaultValue)
            let kept = full ? value : strip(items, keys: [key], stated: stated?[key], schema: schema)
            if let kept { content[key] = kept }
        }
        return ordered(content, parent: [], schema: schema)
    }

    /// Everything a file could state, as the live resource has it: the file's keys of an answer, unordered and with
    /// nothing left out. What a sync agreed on, and what drift is measured against.
    public static func view(_ remote: JSONObject, schema: ResourceSchema) -> JSONObject {
        JSONObject(schema.fileKeys.compactMap { key in remote[key].map { (key, $0) } })
    }

    /// The value with defaults removed, or nil when nothing of it is worth writing.
    static func strip(_ value: JSONValue, keys: [String], stated: JSONValue?, schema: ResourceSchema) -> JSONValue? {
        if case .object(let object) = value, !object.isEmpty {
            var kept = JSONObject()
            for (key, child) in object {
                if let child = strip(child, keys: keys + [key], stated: stated?[key], schema: schema) { kept[key] = child }
            }
            return kept.isEmpty && stated == nil ? nil : .object(kept)
        }
        if stated != nil { return value }
        switch value {
        case .null, .array([]), .object(JSONObject()): return nil
        default: return value == schema.defaultValue(keys) ? nil : value
        }
    }

    /// Keys in the schema's order (the top level in the order of `fileKeys`); keys it does not know follow,
    /// alphabetically. List items have a nil key.
    static func ordered(_ object: JSONObject, parent: [String?], schema: ResourceSchema) -> JSONObject {
        let rank = { (key: String) in
            ((parent.isEmpty ? schema.fileKeys.firstIndex(of: key) : schema.rank(parent, key)) ?? Int.max, key)
        }
        var result = JSONObject()
        for key in object.keys.sorted(by: { rank($0) < rank($1) }) {
            result[key] = orderedValue(object[key]!, path: parent + [key], schema: schema)
        }
        return result
    }

    private static func orderedValue(_ value: JSONValue, path: [String?], schema: ResourceSchema) -> JSONValue {
        switch value {
        case .object(let object): return .object(ordered(object, parent: path, schema: schema))
        case .array(let items): return .array(items.map { orderedValue($0, path: path + [nil], schema: schema) })
        default: return value
        }
    }

    /// The YAML text of a file at `file`, starting with the header (the modeline that lets editors check it).
    public static func yamlText(_ content: JSONObject, file: String, schema: ResourceSchema) -> String {
        schema.fileHeader(file) + "\n" + YAMLWriter.document(content)
    }
}
