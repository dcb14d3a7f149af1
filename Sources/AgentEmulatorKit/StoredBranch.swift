/// One branch of an agent: its own copy of the agent's settings, changed by `PATCH ...?branch_id=`.
struct StoredBranch: Sendable {
    let id: String
    var name: String
    var description: String
    let createdAt: Int
    var isArchived = false
    var protectionStatus = "writer_perms_required"
    let parent: (id: String, name: String)?
    /// The agent as this branch has it; nil for the main branch, whose copy is the agent itself.
    var head: StoredAgent?

    func lastCommittedAt(main: StoredAgent) -> Int {
        (head ?? main).updatedAt
    }

    private func common(main: StoredAgent) -> [String: JSONValue] {
        [
            "id": .string(id),
            "name": .string(name),
            "agent_id": .string(main.id),
            "description": .string(description),
            "created_at": .int(createdAt),
            "last_committed_at": .int(lastCommittedAt(main: main)),
            "is_archived": .bool(isArchived),
            "protection_status": .string(protectionStatus),
            "access_info": StoredAgent.accessInfo,
            "current_live_percentage": .double(head == nil ? 100 : 0),
        ]
    }

    /// AgentBranchSummary, as the list endpoint returns it.
    func summary(main: StoredAgent) -> JSONValue {
        var members = common(main: main)
        members["parent_branch_id"] = parent.map { .string($0.id) } ?? .null
        return .object(members)
    }

    /// AgentBranchResponse, as GET and PATCH return it.
    func document(main: StoredAgent) -> JSONValue {
        var members = common(main: main)
        members["parent_branch"] = parent.map { .object(["id": .string($0.id), "name": .string($0.name)]) } ?? .null
        return .object(members)
    }
}
