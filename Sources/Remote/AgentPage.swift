import ConfigModel

/// One agent as the list endpoint summarises it (AgentSummaryResponseModel); the full agent is `getAgent`'s JSON.
public struct AgentSummary: Sendable, Equatable {
    public let agentID: String
    public let name: String
    public let tags: [String]
    public let createdAtUnixSecs: Int
    /// Sent by the live API (the official SDK requires it), absent from the reference mirror.
    public let updatedAtUnixSecs: Int?
    public let archived: Bool?

    /// Nil when a required member is missing or any member has the wrong type.
    init?(json: JSONValue) {
        guard let agentID = json["agent_id"]?.stringValue, let name = json["name"]?.stringValue,
              let tags = json.list("tags", \.stringValue), let created = json["created_at_unix_secs"]?.wholeNumber,
              let updated = json.optional("updated_at_unix_secs", \.wholeNumber),
              let archived = json.optional("archived", \.boolValue) else { return nil }
        (self.agentID, self.name, self.tags, self.createdAtUnixSecs) = (agentID, name, tags, created)
        (self.updatedAtUnixSecs, self.archived) = (updated, archived)
    }
}

/// GetAgentsPageResponseModel.
public struct AgentPage: Sendable, Equatable {
    public let agents: [AgentSummary]
    public let hasMore: Bool
    public let nextCursor: String?

    init?(json: JSONValue) {
        guard let agents = json.list("agents", AgentSummary.init(json:)), let hasMore = json["has_more"]?.boolValue,
              let nextCursor = json.optional("next_cursor", \.stringValue) else { return nil }
        (self.agents, self.hasMore, self.nextCursor) = (agents, hasMore, nextCursor)
    }
}
