import ConfigModel
import Foundation

/// The agent endpoints. Agent bodies go in and come out as the API's raw JSON bytes, so no field is
/// lost to a typed re-encoding; only list pages and create answers are read.
public struct AgentsAPI: Sendable {
    public let client: APIClient
    public static let maxPageSize = 100

    public init(client: APIClient) {
        self.client = client
    }

    /// One page of `GET /v1/convai/agents`, newest first.
    public func listAgents(pageSize: Int = maxPageSize, cursor: String? = nil,
                           search: String? = nil) async throws(RemoteError) -> AgentPage {
        var query = [("page_size", String(min(max(pageSize, 1), Self.maxPageSize)))]
        if let cursor { query.append(("cursor", cursor)) }
        if let search { query.append(("search", search)) }
        let request = APIRequest(method: "GET", path: "/v1/convai/agents", query: query, idempotent: true,
                                 operation: "list agents")
        let answer = try await client.send(request)
        return try read(AgentPage.init(json:), from: answer, for: request)
    }

    /// Every agent, following `next_cursor` until `has_more` is false.
    public func listAllAgents(pageSize: Int = maxPageSize, search: String? = nil) async throws(RemoteError) -> [AgentSummary] {
        var agents: [AgentSummary] = []
        var cursor: String?
        var seen: Set<String> = []
        while true {
            let page = try await listAgents(pageSize: pageSize, cursor: cursor, search: search)
            agents += page.agents
            guard page.hasMore else { return agents }
            // A missing or repeated cursor would loop forever.
            guard let next = page.nextCursor, seen.insert(next).inserted else {
                throw malformed("list agents")
            }
            cursor = next
        }
    }

    /// `GET /v1/convai/agents/{id}`: the full agent, with the server's defaults, as JSON.
    public func getAgent(id: String) async throws(RemoteError) -> Data {
        try await client.send(APIRequest(method: "GET", path: Self.path(id), idempotent: true,
                                         operation: "get agent \(id)"))
    }

    /// `POST /v1/convai/agents/create` with `body` as sent; returns the new agent's ID.
    public func createAgent(_ body: Data) async throws(RemoteError) -> String {
        let request = APIRequest(method: "POST", path: "/v1/convai/agents/create", body: body, idempotent: false,
                                 operation: "create agent")
        let answer = try await client.send(request)
        guard let agentID = (try? JSONParser.parse(Array(answer)))?["agent_id"]?.stringValue else {
            throw RemoteError(kind: .outcomeUnknown("the answer has no agent_id"), operation: request.operation,
                              host: client.configuration.baseURL.host, keySource: client.configuration.apiKey.source,
                              attempts: 1, serverMessage: nil, retryAfter: nil)
        }
        return agentID
    }

    /// `PATCH /v1/convai/agents/{id}`: merges `patch` into the agent; returns the updated agent as JSON.
    public func updateAgent(id: String, patch: Data) async throws(RemoteError) -> Data {
        try await client.send(APIRequest(method: "PATCH", path: Self.path(id), body: patch, idempotent: true,
                                         operation: "update agent \(id)"))
    }

    /// `DELETE /v1/convai/agents/{id}`.
    public func deleteAgent(id: String) async throws(RemoteError) {
        _ = try await client.send(APIRequest(method: "DELETE", path: Self.path(id), idempotent: true,
                                             expectsJSONObject: false, operation: "delete agent \(id)"))
    }

    /// The agent's path, its ID percent-encoded so no ID can reach another endpoint.
    static func path(_ id: String) -> String {
        "/v1/convai/agents/" + APIBaseURL.encode(id)
    }

    private func read<T>(_ reader: (JSONValue) -> T?, from data: Data, for request: APIRequest) throws(RemoteError) -> T {
        guard let json = try? JSONParser.parse(Array(data)), let value = reader(json) else { throw malformed(request.operation) }
        return value
    }

    private func malformed(_ operation: String) -> RemoteError {
        RemoteError(kind: .malformedResponse, operation: operation, host: client.configuration.baseURL.host,
                    keySource: client.configuration.apiKey.source, attempts: 1, serverMessage: nil, retryAfter: nil)
    }
}
