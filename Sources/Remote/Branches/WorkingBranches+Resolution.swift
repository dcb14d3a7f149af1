import ConfigModel

extension WorkingBranches {
    /// Each agent's working branch. With no branch `requested`, the one its entry records (no request is sent);
    /// else the agent's branch of that name, looked up through its branches list: the main branch when it is that
    /// name, missing when the agent has no such branch.
    public static func resolve(_ requested: String?, agents: [(id: String, recorded: AgentBranch?)], client: APIClient,
                               concurrency: Int) async throws -> WorkingBranches {
        var branches = WorkingBranches(requested: requested)
        guard let requested else {
            for agent in agents { branches.byAgent[agent.id] = agent.recorded }
            return branches
        }
        let api = AgentBranchesAPI(client: client)
        // A struct, not a tuple: a tuple returned from do/catch here was lost in the release build (Swift 6.3.1 optimiser).
        let lookups = await agents.map(\.id).boundedMap(limit: concurrency) { id in
            do {
                return BranchLookup(agentID: id, found: .success(try await api.find(requested, agentID: id)))
            } catch {
                return BranchLookup(agentID: id, found: .failure(error))
            }
        }
        for lookup in lookups {
            switch try lookup.found.get() {
            case .main: branches.byAgent[lookup.agentID] = nil
            case .branch(let branch): branches.byAgent[lookup.agentID] = branch
            case .none: branches.missing.insert(lookup.agentID)
            }
        }
        return branches
    }

    /// One agent's branch of the requested name, or why it could not be looked up.
    private struct BranchLookup: Sendable {
        let agentID: String
        let found: Result<AgentBranchesAPI.Found, any Error>
    }

    /// Creates the requested branch, from the main branch as it is now, on each agent of `ids` that lacks it; the
    /// agents it could not be created on, with why.
    public mutating func createMissing(on ids: [String], client: APIClient) async -> [(id: String, problem: String)] {
        guard let requested else { return [] }
        let api = AgentBranchesAPI(client: client)
        var problems: [(String, String)] = []
        for id in ids where missing.contains(id) {
            do {
                byAgent[id] = try await api.create(requested, agentID: id)
                missing.remove(id)
            } catch {
                problems.append((id, "\(error)"))
            }
        }
        return problems
    }

    /// For each tracked file whose working branch is not the one its entry was last synced with: one sentence.
    public func switches(_ files: [(file: String, entry: SyncState.Entry)], environment: String) -> [String] {
        let name = { (branch: AgentBranch?) in branch.map { "branch `\(VisibleText.escape($0.name))`" } ?? "the main branch" }
        return files.compactMap { file, entry in
            let shown = VisibleText.escape(file)
            if missing.contains(entry.id), let requested {
                return "\(shown): branch `\(VisibleText.escape(requested))` does not exist on this agent in `\(environment)` yet; "
                    + "compared with the main branch, which a push copies to create it"
            }
            let now = byAgent[entry.id]
            guard now?.id != entry.branch?.id else { return nil }
            return "\(shown): working on \(name(now)) in `\(environment)`; it was last synced with \(name(entry.branch)), so "
                + "what differs between the two shows as changes on the live agent (!)"
        }
    }
}
