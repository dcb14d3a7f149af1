/// `GET /v1/convai/tools/{tool_id}/dependent-agents`: GetToolDependentAgentsResponseModel, a page of the agents
/// using a tool (newest first) with the branches of those agents that name it.
enum ToolDependents {
    static func page(_ uses: [AgentStore.ToolUse], _ query: [String: JSONValue]) throws(APIFailure) -> JSONValue {
        let pager = try KeysetPage(size: query["page_size"]?.intValue ?? 30, ascending: false, cursor: query["cursor"]?.stringValue)
        let page = pager.page(uses, key: { .int($0.agent.createdAt) }, id: \.agent.id)
        let agents: [JSONValue] = page.items.map { use in
            .object([
                "type": "available",
                "id": .string(use.agent.id),
                "name": .string(use.agent.name),
                "created_at_unix_secs": .int(use.agent.createdAt),
                "access_level": "admin",
                "referenced_resource_ids": .array([]),
            ])
        }
        let branches: [JSONValue] = page.items.flatMap { use in
            use.branches.map { branch in
                .object([
                    "agent_id": .string(use.agent.id),
                    "agent_name": .string(use.agent.name),
                    "branch_id": .string(branch.id),
                    "branch_name": .string(branch.name),
                    "is_main": .bool(branch.isMain),
                ])
            }
        }
        return .object(["agents": .array(agents), "branches": .array(branches), "has_more": .bool(page.hasMore), "next_cursor": page.next])
    }
}
