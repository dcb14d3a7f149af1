/// Which agents name a tool in `conversation_config.agent.prompt.tool_ids`, on any branch, and taking the tool out.
extension AgentStore {
    struct ToolUse: Sendable {
        let agent: StoredAgent
        /// Branch ID, branch name, and whether it is the main branch.
        let branches: [(id: String, name: String, isMain: Bool)]
    }

    private static func toolIDs(_ agent: StoredAgent) -> [JSONValue] {
        guard case .array(let ids)? = agent.conversationConfig["agent"]?["prompt"]?["tool_ids"] else { return [] }
        return ids
    }

    func uses(ofTool toolID: String) -> [ToolUse] {
        agents.values.compactMap { agent in
            let copies = (branches[agent.id] ?? []).compactMap { branch in branch.head.map { (branch, $0) } }
            var using = copies.filter { Self.toolIDs($0.1).contains(.string(toolID)) }.map { ($0.0.id, $0.0.name, false) }
            if Self.toolIDs(agent).contains(.string(toolID)) { using.insert((agent.branchId, Self.mainBranchName, true), at: 0) }
            return using.isEmpty ? nil : ToolUse(agent: agent, branches: using)
        }
    }

    /// `DELETE /v1/convai/tools/{id}?force=true`: the tool leaves every agent and branch that named it.
    func removeToolReferences(_ toolID: String) {
        for use in uses(ofTool: toolID) {
            for branch in use.branches {
                let copy = branch.isMain ? agents[use.agent.id]! : branches[use.agent.id]!.first { $0.id == branch.id }!.head!
                let kept = Self.toolIDs(copy).filter { $0 != .string(toolID) }
                let change: JSONValue = .object(["conversation_config": .object(["agent": .object(["prompt": .object(["tool_ids": .array(kept)])])])])
                guard let patched = try? merged(copy, change) else { continue }
                if branch.isMain {
                    agents[use.agent.id] = patched
                } else if let index = branches[use.agent.id]?.firstIndex(where: { $0.id == branch.id }) {
                    branches[use.agent.id]![index].head = patched
                }
            }
        }
    }
}
