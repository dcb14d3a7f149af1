import ConfigModel

/// What pull, diff and push need from the agents API. `AgentsClient` is the real one over HTTP; tests may use others.
public protocol AgentsService: Sendable {
    /// Every agent in the workspace (all pages): its ID and name.
    func allAgents() async throws -> [AgentListing]
    /// The full live agent, as the API returns it (defaults filled in).
    func agent(id: String) async throws -> JSONObject
    /// Creates an agent from a request body; returns its new ID.
    func create(_ body: JSONObject) async throws -> String
    /// Sends a partial update: keys left out are kept by the API.
    func update(id: String, _ patch: JSONObject) async throws
    func delete(id: String) async throws
}

public struct AgentListing: Sendable, Equatable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
