import ConfigModel
import Foundation

/// The API over HTTP, as pull, diff and push use it: JSON bodies sent exactly as the file describes them.
public struct RemoteResources: ResourceService {
    public let client: APIClient

    public init(client: APIClient) { self.client = client }

    public func list(_ resource: Resource) async throws -> [ResourceListing] {
        try await ResourceAPI(client: client, resource: resource).listAll().map { ResourceListing(id: $0.id, name: $0.name) }
    }

    public func get(_ resource: Resource, id: String) async throws -> JSONObject {
        try await ResourceAPI(client: client, resource: resource).getObject(id: id)
    }

    public func create(_ resource: Resource, _ body: JSONObject) async throws -> String {
        do {
            return try await ResourceAPI(client: client, resource: resource).create(Data(JSONText.encode(.object(body)).utf8))
        } catch {
            throw Self.rejection(error) ?? error
        }
    }

    public func update(_ resource: Resource, id: String, _ body: JSONObject) async throws {
        do {
            _ = try await ResourceAPI(client: client, resource: resource)
                .update(id: id, body: Data(JSONText.encode(.object(body)).utf8))
        } catch {
            throw Self.rejection(error) ?? error
        }
    }

    public func delete(_ resource: Resource, id: String) async throws {
        try await ResourceAPI(client: client, resource: resource).delete(id: id)
    }

    /// A 422 as problems per field, so they can be shown at the lines of the file that set those fields.
    static func rejection(_ error: RemoteError) -> RejectedByAPI? {
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
