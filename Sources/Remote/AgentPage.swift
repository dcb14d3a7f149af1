/// One agent as the list endpoint summarises it (AgentSummaryResponseModel); the full agent is `getAgent`'s JSON.
public struct AgentSummary: Sendable, Equatable, Decodable {
    public let agentID: String
    public let name: String
    public let tags: [String]
    public let createdAtUnixSecs: Int
    /// Sent by the live API (the official SDK requires it), absent from the reference mirror.
    public let updatedAtUnixSecs: Int?
    public let archived: Bool?

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case name, tags, archived
        case createdAtUnixSecs = "created_at_unix_secs"
        case updatedAtUnixSecs = "updated_at_unix_secs"
    }
}

/// GetAgentsPageResponseModel.
public struct AgentPage: Sendable, Equatable, Decodable {
    public let agents: [AgentSummary]
    public let hasMore: Bool
    public let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case agents
        case hasMore = "has_more"
        case nextCursor = "next_cursor"
    }
}

/// CreateAgentResponseModel.
struct CreatedAgent: Decodable {
    let agentID: String

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
    }
}
