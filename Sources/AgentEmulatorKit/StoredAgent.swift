/// An agent as the emulator keeps it: the request values as validated, defaults added only when read.
struct StoredAgent: Sendable {
    let id: String
    var name: String
    var tags: [String]
    var conversationConfig: JSONValue
    var platformSettings: JSONValue
    var workflow: JSONValue?
    let createdAt: Int
    var updatedAt: Int
    var branchId: String
    /// Set on a branch's copy of the agent; the main branch's own copy leaves it nil.
    var mainBranchId: String?
    var versionId: String

    static let accessInfo: JSONValue = .object([
        "is_creator": true,
        "creator_name": "Emulator User",
        "creator_email": "emulator@example.com",
        "role": "admin",
        "access_source": "creator",
    ])

    /// GetAgentResponseModel, with the server's defaults filled in.
    func document(filler: DefaultsFiller) -> JSONValue {
        let raw: JSONValue = .object([
            "agent_id": .string(id),
            "name": .string(name),
            "tags": .array(tags.map(JSONValue.string)),
            "conversation_config": conversationConfig,
            "platform_settings": platformSettings,
            "workflow": workflow ?? .object(["edges": .object([:]), "nodes": .object([:])]),
            "metadata": .object(["created_at_unix_secs": .int(createdAt), "updated_at_unix_secs": .int(updatedAt)]),
            "phone_numbers": .array([]),
            "whatsapp_accounts": .array([]),
            "access_info": Self.accessInfo,
            "version_id": .string(versionId),
            "branch_id": .string(branchId),
            "main_branch_id": .string(mainBranchId ?? branchId),
        ])
        return filler.fill(raw, as: "GetAgentResponseModel")
    }

    var isArchived: Bool {
        platformSettings["archived"]?.boolValue ?? false
    }

    /// AgentSummaryResponseModel, as the list endpoint returns it. `voice_id` and `updated_at_unix_secs`
    /// are not in the reference mirror, but the official SDK requires them, so the live API sends them.
    func summary(defaultVoiceID: String) -> JSONValue {
        .object([
            "agent_id": .string(id),
            "name": .string(name),
            "voice_id": conversationConfig["tts"]?["voice_id"] ?? .string(defaultVoiceID),
            "updated_at_unix_secs": .int(updatedAt),
            "tags": .array(tags.map(JSONValue.string)),
            "created_at_unix_secs": .int(createdAt),
            "access_info": Self.accessInfo,
            "last_call_time_unix_secs": .null,
            "archived": .bool(isArchived),
        ])
    }
}
