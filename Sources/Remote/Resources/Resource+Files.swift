import AgentSchema
import ConfigModel

extension Resource {
    /// The kind of file this resource is kept in.
    public var fileKind: FileKind? { FileKind(rawValue: kind) }

    /// Where its files name other resources (an agent's `tool_ids`, a test's `referenced_tool.id`).
    public var references: [ReferenceField] { fileKind.map(ReferenceField.fields) ?? [] }

    /// The resource a file describes: by its modeline, else its folder (`tools/`), else an agent.
    public static func of(_ document: AgentDocument) -> Resource {
        named(FileKind(path: document.file, text: document.text).rawValue) ?? .agents
    }
}
