/// Agent branches: list, create from a version, rename or archive, and the agent as a branch has it.
extension AgentStore {
    static let mainBranchName = "Main"

    /// The agent's branches, main first; the main branch is recorded the first time it is needed.
    private func branchList(_ agentID: String) throws(APIFailure) -> (agent: StoredAgent, branches: [StoredBranch]) {
        guard let agent = agents[agentID] else { throw Self.agentNotFound(agentID) }
        if let known = branches[agentID] { return (agent, known) }
        let main = StoredBranch(id: agent.branchId, name: Self.mainBranchName, description: "", createdAt: agent.createdAt,
                                parent: nil, head: nil)
        branches[agentID] = [main]
        return (agent, [main])
    }

    private func branch(_ agentID: String, _ branchID: String) throws(APIFailure) -> (agent: StoredAgent, index: Int, branch: StoredBranch) {
        let (agent, list) = try branchList(agentID)
        guard let index = list.firstIndex(where: { $0.id == branchID }) else {
            throw .notFound(status: "branch_not_found", message: "Branch with id \(branchID) was not found.")
        }
        return (agent, index, list[index])
    }

    static func agentNotFound(_ id: String) -> APIFailure {
        .notFound(status: "agent_not_found", message: "Agent with id \(id) was not found.")
    }

    func listBranches(_ agentID: String, includeArchived: Bool, limit: Int) throws(APIFailure) -> JSONValue {
        let (agent, list) = try branchList(agentID)
        let shown = list.filter { includeArchived || !$0.isArchived }
        return .object([
            "meta": .object(["total": .int(shown.count), "page": .null, "page_size": .int(limit)]),
            "results": .array(shown.prefix(limit).map { $0.summary(main: agent) }),
        ])
    }

    func branchDocument(_ agentID: String, _ branchID: String) throws(APIFailure) -> JSONValue {
        let (agent, _, found) = try branch(agentID, branchID)
        return found.document(main: agent)
    }

    /// A new branch from the version `parent_version_id` (the current version of one of the agent's branches),
    /// with the body's changes merged into its copy of the agent as a PATCH would merge them.
    func createBranch(_ agentID: String, _ body: JSONValue) throws(APIFailure) -> JSONValue {
        let (agent, list) = try branchList(agentID)
        let versionID = body["parent_version_id"]?.stringValue ?? ""
        guard let parent = list.first(where: { ($0.head ?? agent).versionId == versionID }) else {
            throw .notFound(status: "version_not_found", message: "Version with id \(versionID) was not found.")
        }
        let name = body["name"]?.stringValue ?? ""
        try requireFreeName(name, in: list)
        var changes: [String: JSONValue] = [:]
        for key in ["conversation_config", "platform_settings", "workflow"] where body[key] != nil && body[key] != .null {
            changes[key] = body[key]
        }
        var head: StoredAgent
        do {
            head = try merged(parent.head ?? agent, .object(changes))
        } catch Failure.invalid(let issues) {
            throw .invalid(issues)
        } catch {
            throw Self.agentNotFound(agentID)
        }
        let id = random.identifier(prefix: "agtbranch_")
        head.branchId = id
        head.mainBranchId = agent.branchId
        let created = StoredBranch(id: id, name: name, description: body["description"]?.stringValue ?? "",
                                   createdAt: head.updatedAt, parent: (parent.id, parent.name), head: head)
        branches[agentID] = list + [created]
        return .object(["created_branch_id": .string(id), "created_version_id": .string(head.versionId)])
    }

    /// Renames, archives or protects a branch; `null` or a missing key leaves that setting as it is.
    func updateBranch(_ agentID: String, _ branchID: String, _ body: JSONValue) throws(APIFailure) -> JSONValue {
        var (agent, index, changed) = try branch(agentID, branchID)
        if case .string(let name)? = body["name"], name != changed.name {
            try requireFreeName(name, in: branches[agentID] ?? [])
            changed.name = name
        }
        if case .bool(let archived)? = body["is_archived"] { changed.isArchived = archived }
        if case .string(let protection)? = body["protection_status"] { changed.protectionStatus = protection }
        branches[agentID]![index] = changed
        if changed.head == nil { agent = agents[agentID]! }
        return changed.document(main: agent)
    }

    private func requireFreeName(_ name: String, in list: [StoredBranch]) throws(APIFailure) {
        guard list.contains(where: { $0.name == name }) else { return }
        throw .conflict(status: "branch_name_taken", message: "A branch named \(name) already exists for this agent.")
    }

    /// GET `?branch_id=`: the agent as that branch has it.
    func document(_ agentID: String, onBranch branchID: String) throws(APIFailure) -> JSONValue {
        let (agent, _, found) = try branch(agentID, branchID)
        return (found.head ?? agent).document(filler: filler)
    }

    /// PATCH `?branch_id=`: the same merge as on the agent, applied to that branch's copy only.
    func patch(_ agentID: String, _ body: JSONValue, onBranch branchID: String) throws(APIFailure) -> JSONValue {
        let (agent, index, found) = try branch(agentID, branchID)
        let patched: StoredAgent
        do {
            patched = try merged(found.head ?? agent, body)
        } catch Failure.invalid(let issues) {
            throw .invalid(issues)
        } catch {
            throw Self.agentNotFound(agentID)
        }
        if found.head == nil {
            agents[agentID] = patched
        } else {
            branches[agentID]![index].head = patched
        }
        return patched.document(filler: filler)
    }
}
