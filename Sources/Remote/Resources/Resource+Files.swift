import AgentSchema
import ConfigModel

extension Resource {
    /// The kind of file this resource is kept in.
    public var fileKind: FileKind? { FileKind(rawValue: kind) }

    /// Where its files name other resources (an agent's `tool_ids`, a test's `referenced_tool.id`).
    public var references: [ReferenceField] { fileKind.map(ReferenceField.fields) ?? [] }

    /// The name of an item (a file's body or a live item), where the list shows it (a tool's `tool_config.name`).
    public func name(of body: JSONObject) -> String? {
        endpoints.namePath.reduce(Optional(JSONValue.object(body))) { $0?[$1] }?.stringValue
    }

    /// The resource a file describes: by its modeline, else its folder (`tools/`), else an agent.
    public static func of(_ document: AgentDocument) -> Resource {
        named(FileKind(path: document.file, text: document.text).rawValue) ?? .agents
    }
}
