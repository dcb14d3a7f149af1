import ConfigModel
import Foundation

/// The API over HTTP with each agent read and changed on its working branch (`branch_id`); every other request is
/// `RemoteResources`'. An agent whose requested branch does not exist yet is read on its main branch (the branch will
/// be a copy of it) and never changed there.
public struct BranchedResources: ResourceService {
    let remote: RemoteResources
    public let branches: WorkingBranches

    public init(client: APIClient, branches: WorkingBranches) {
        remote = RemoteResources(client: client)
        self.branches = branches
    }

    private func query(_ resource: Resource, _ id: String) -> [(String, String)] {
        guard resource == .agents, let branch = branches.byAgent[id] else { return [] }
        return [("branch_id", branch.id)]
    }

    public func list(_ resource: Resource) async throws -> [ResourceListing] {
        try await remote.list(resource)
    }

    public func get(_ resource: Resource, id: String) async throws -> JSONObject {
        try await ResourceAPI(client: remote.client, resource: resource).getObject(id: id, query: query(resource, id))
    }

    public func create(_ resource: Resource, _ body: JSONObject) async throws -> String {
        guard resource != .agents || branches.requested == nil else { throw OffBranch.newAgent(branches.requested ?? "") }
        return try await remote.create(resource, body)
    }

    public func update(_ resource: Resource, id: String, _ body: JSONObject) async throws {
        if resource == .agents, branches.missing.contains(id) { throw OffBranch.notCreated(branches.requested ?? "") }
        do {
            _ = try await ResourceAPI(client: remote.client, resource: resource)
                .update(id: id, body: Data(JSONText.encode(.object(body)).utf8), query: query(resource, id))
        } catch {
            throw RemoteResources.rejection(error) ?? error
        }
    }

    public func delete(_ resource: Resource, id: String) async throws {
        guard resource != .agents || (branches.requested == nil && branches.byAgent[id] == nil) else {
            throw OffBranch.delete
        }
        try await remote.delete(resource, id: id)
    }

    /// A change a branch cannot hold: it would land on the main branch or remove the whole agent.
    public enum OffBranch: Error, CustomStringConvertible {
        case newAgent(String), notCreated(String), delete

        public var description: String {
            switch self {
            case .newAgent(let name):
                return "a new agent starts on its main branch, not on `\(name)`: create it without a branch first"
            case .notCreated(let name): return "branch `\(name)` does not exist on this agent yet"
            case .delete: return "deleting an agent removes every branch of it, so it is not done while working on a branch"
            }
        }
    }
}
