import ConfigModel
import Foundation

/// One agent's branches endpoints: find a branch by name (`GET .../branches`), create one from the main branch's
/// current version (`POST .../branches`).
struct AgentBranchesAPI: Sendable {
    enum Found: Sendable, Equatable {
        case main
        case branch(AgentBranch)
        case none
    }

    let client: APIClient

    /// The agent's unarchived branch called `name`; the main branch is the one without a parent.
    func find(_ name: String, agentID: String) async throws(RemoteError) -> Found {
        let operation = "list branches of agent \(agentID)"
        let answer = try await client.json(APIRequest(method: "GET", path: path(agentID), query: [("limit", "100")], idempotent: true,
                                               operation: operation))
        guard let results = answer["results"]?.arrayValue else { throw client.failure(.malformedResponse, operation) }
        for item in results where item["name"]?.stringValue == name {
            guard let id = item["id"]?.stringValue else { throw client.failure(.malformedResponse, operation) }
            return (item["parent_branch_id"] ?? .null) == .null ? .main : .branch(AgentBranch(name: name, id: id))
        }
        return .none
    }

    /// A new branch called `name`, a copy of the agent's main branch as it is now. Not retried: a second request
    /// would be refused as a taken name, or make a second branch.
    func create(_ name: String, agentID: String) async throws(RemoteError) -> AgentBranch {
        let agent = try await client.json(APIRequest(method: "GET", path: "/v1/convai/agents/" + APIBaseURL.encode(agentID),
                                              idempotent: true, operation: "get agent \(agentID)"))
        let operation = "create branch \(name) of agent \(agentID)"
        guard let version = agent["version_id"]?.stringValue else {
            throw client.failure(.outcomeUnknown("the agent has no version_id to branch from"), operation)
        }
        let body = JSONObject([("parent_version_id", .string(version)), ("name", .string(name)),
                               ("description", .string("Created by agentctl push"))])
        let created = try await client.json(APIRequest(method: "POST", path: path(agentID), body: Data(JSONText.encode(.object(body)).utf8),
                                                idempotent: false, operation: operation))
        guard let id = created["created_branch_id"]?.stringValue else {
            throw client.failure(.outcomeUnknown("the answer has no created_branch_id"), operation)
        }
        return AgentBranch(name: name, id: id)
    }

    private func path(_ agentID: String) -> String { "/v1/convai/agents/" + APIBaseURL.encode(agentID) + "/branches" }
}
