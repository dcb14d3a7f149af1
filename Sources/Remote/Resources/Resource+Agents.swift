import AgentSchema
import ConfigModel

/// Agents: `agents/<slug>.yaml`, the `/v1/convai/agents` endpoints, the agent field table, and PATCH that merges.
/// The only place the sync engine reads the agent schema (the field table and `requestBody`).
extension Resource {
    public static let agents = Resource(
        kind: "agent", plural: "agents", folder: "agents",
        endpoints: ResourceEndpoints(collection: "/v1/convai/agents", create: "/v1/convai/agents/create",
                                     updateMethod: "PATCH", listKey: "agents", idKey: "agent_id", namePath: ["name"],
                                     isWellTypedItem: isAgentSummary),
        schema: ResourceSchema(
            requestBody: { FieldTable.agent.requestBody($0).objectValue },
            defaultValue: { FieldTable.agent.defaultValue(at: $0) },
            fileKeys: agentFileKeys,
            rank: agentRank,
            fileHeader: { ProjectScaffold.schemaModeline(forAgentAt: $0) },
            answerProblems: { FieldTable.agent.answerShapeProblems(in: $0) }),
        // PATCH keeps every key left out, so only the changed fields are sent.
        updateBody: { changes, _ in PatchBody.make(changes) },
        remoteVersion: { $0["metadata"]?["updated_at_unix_secs"]?.numberValue })

    /// The keys of a create request: everything else in a GET answer is the server's.
    private static let agentFileKeys = ["name", "tags", "conversation_config", "platform_settings", "workflow"]
    /// The sections of `conversation_config` in the order people think of them.
    private static let agentSectionOrder = ["agent", "tts", "asr", "turn", "conversation", "vad", "language_presets"]

    /// AgentSummaryResponseModel's other members: `tags` and `created_at_unix_secs` required, the rest may be null.
    @Sendable private static func isAgentSummary(_ item: JSONValue) -> Bool {
        item.list("tags", \.stringValue) != nil && item["created_at_unix_secs"]?.wholeNumber != nil
            && item.optional("updated_at_unix_secs", \.wholeNumber) != nil && item.optional("archived", \.boolValue) != nil
    }

    /// Keys in the reference's order.
    @Sendable private static func agentRank(parent: [String?], key: String) -> Int? {
        if parent == ["conversation_config"] { return agentSectionOrder.firstIndex(of: key) }
        let pattern = parent.reduce("") { FieldTable.agent.childPattern($0, key: $1) }
        return FieldTable.agent.order(of: FieldTable.agent.childPattern(pattern, key: key))
    }
}
