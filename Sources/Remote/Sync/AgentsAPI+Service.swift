import ConfigModel
import Foundation

/// The agents API over HTTP, as pull, diff and push use it: JSON bodies sent exactly as the file describes them.
extension AgentsAPI: AgentsService {
    public func allAgents() async throws -> [AgentListing] {
        try await listAllAgents().map { AgentListing(id: $0.agentID, name: $0.name) }
    }

    public func agent(id: String) async throws -> JSONObject {
        let data = try await getAgent(id: id)
        guard let object = (try? JSONParser.parse(Array(data)))?.objectValue else {
            throw MalformedAgent(operation: "get agent \(id)")
        }
        return object
    }

    public func create(_ body: JSONObject) async throws -> String {
        do {
            return try await createAgent(Data(JSONText.encode(.object(body)).utf8))
        } catch {
            throw Self.rejection(error) ?? error
        }
    }

    public func update(id: String, _ patch: JSONObject) async throws {
        do {
            _ = try await updateAgent(id: id, patch: Data(JSONText.encode(.object(patch)).utf8))
        } catch {
            throw Self.rejection(error) ?? error
        }
    }

    public func delete(id: String) async throws {
        try await deleteAgent(id: id)
    }

    /// A 422 as problems per field, so they can be shown at the lines of the file that set those fields.
    private static func rejection(_ error: RemoteError) -> RejectedByAPI? {
        guard case .invalid(let issues) = error.kind, !issues.isEmpty else { return nil }
        return RejectedByAPI(problems: issues.map { issue in
            var path: [String] = issue.loc.map {
                switch $0 {
                case .key(let name): return name
                case .index(let index): return String(index)
                }
            }
            if path.first == "body" { path.removeFirst() }
            return RejectedByAPI.Problem(path: path, message: issue.msg)
        })
    }
}

struct MalformedAgent: Error, CustomStringConvertible {
    let operation: String
    var description: String { "\(operation) failed: the answer is not a JSON object" }
}
