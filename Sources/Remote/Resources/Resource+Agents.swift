import ConfigModel
import Validation

/// Agents: `agents/<slug>.yaml`, the `/v1/convai/agents` endpoints, the agent field table, and PATCH that merges.
/// The only place the sync engine reads the agent schema (the field table and `requestBody`).
extension Resource {
    public static let agents = Resource(
        kind: "agent", plural: "agents", folder: "agents",
        endpoints: ResourceEndpoints(collection: "/v1/convai/agents", create: "/v1/convai/agents/create",
                                     updateMethod: "PATCH", listKey: "agents", idKey: "agent_id", namePath: ["name"]),
        schema: ResourceSchema(
            requestBody: { Validator.requestBody($0).objectValue },
            defaultValue: { FieldTable.defaultValue(at: $0) },
            fileKeys: agentFileKeys,
            rank: agentRank,
            fileHeader: { ProjectScaffold.schemaModeline(forAgentAt: $0) }),
        // PATCH keeps every key left out, so only the changed fields are sent.
        updateBody: { changes, _ in PatchBody.make(changes) },
        remoteVersion: { $0["metadata"]?["updated_at_unix_secs"]?.numberValue })

    /// The keys of a create request: everything else in a GET answer is the server's.
    private static let agentFileKeys = ["name", "tags", "conversation_config", "platform_settings", "workflow"]
    /// The sections of `conversation_config` in the order people think of them.
    private static let agentSectionOrder = ["agent", "tts", "asr", "turn", "conversation", "vad", "language_presets"]

    /// Keys in the reference's order.
    @Sendable private static func agentRank(parent: [String?], key: String) -> Int? {
        if parent == ["conversation_config"] { return agentSectionOrder.firstIndex(of: key) }
        let pattern = parent.reduce("") { FieldTable.childPattern($0, key: $1) }
        return FieldTable.order(of: FieldTable.childPattern(pattern, key: key))
    }
}
