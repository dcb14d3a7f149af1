import AgentSchema
import ConfigModel

/// What an agent file holds when agentctl writes it from a live agent: the fields a user sets (never the server's
/// bookkeeping), without the values the server fills in by default, in the reference's order.
public enum AgentFileContent {
    /// The keys of a create request: everything else in a GET response is the server's.
    public static let fileKeys = ["name", "tags", "conversation_config", "platform_settings", "workflow"]
    private static let sectionOrder = ["agent", "tts", "asr", "turn", "conversation", "vad", "language_presets"]

    /// The file content for a live agent. A value equal to its documented default, or null or empty, is left out,
    /// unless `full` is set or the existing file (`stated`) already states that field.
    public static func fromRemote(_ agent: JSONObject, stated: JSONObject?, full: Bool) -> JSONObject {
        var content = JSONObject()
        for key in fileKeys {
            guard let value = agent[key] else { continue }
            let kept = full ? value : strip(value, keys: [key], stated: stated?[key])
            if let kept { content[key] = kept }
        }
        return ordered(content, pattern: "")
    }

    /// The value with defaults removed, or nil when nothing of it is worth writing.
    static func strip(_ value: JSONValue, keys: [String], stated: JSONValue?) -> JSONValue? {
        if case .object(let object) = value, !object.isEmpty {
            var kept = JSONObject()
            for (key, child) in object {
                if let child = strip(child, keys: keys + [key], stated: stated?[key]) { kept[key] = child }
            }
            return kept.isEmpty && stated == nil ? nil : .object(kept)
        }
        if stated != nil { return value }
        switch value {
        case .null, .array([]), .object(JSONObject()): return nil
        default: return value == FieldTable.agent.defaultValue(at: keys) ? nil : value
        }
    }

    /// Keys in the reference's order (the sections of `conversation_config` in the order people think of them);
    /// keys agentctl does not know follow, alphabetically.
    static func ordered(_ object: JSONObject, pattern: String) -> JSONObject {
        func rank(_ key: String) -> (Int, String) {
            if pattern.isEmpty { return (fileKeys.firstIndex(of: key) ?? Int.max, key) }
            if pattern == "conversation_config" { return (sectionOrder.firstIndex(of: key) ?? Int.max, key) }
            return (FieldTable.agent.order(of: FieldTable.agent.childPattern(pattern, key: key)) ?? Int.max, key)
        }
        var result = JSONObject()
        for key in object.keys.sorted(by: { rank($0) < rank($1) }) {
            result[key] = orderedValue(object[key]!, pattern: FieldTable.agent.childPattern(pattern, key: key))
        }
        return result
    }

    private static func orderedValue(_ value: JSONValue, pattern: String) -> JSONValue {
        switch value {
        case .object(let object): return .object(ordered(object, pattern: pattern))
        case .array(let items): return .array(items.map { orderedValue($0, pattern: FieldTable.agent.childPattern(pattern, key: nil)) })
        default: return value
        }
    }

    /// The YAML text of an agent file at `file`, starting with the modeline that lets editors check it.
    public static func yamlText(_ content: JSONObject, file: String) -> String {
        ProjectScaffold.schemaModeline(forAgentAt: file) + "\n" + YAMLWriter.document(content)
    }
}
