import ConfigModel

/// What pull, diff and push need from the API, for any resource. `RemoteResources` is the real one over HTTP;
/// the unit tests keep one in memory.
public protocol ResourceService: Sendable {
    /// Every item of a resource (all pages): its ID and name.
    func list(_ resource: Resource) async throws -> [ResourceListing]
    /// The full live item, as the API returns it (defaults filled in).
    func get(_ resource: Resource, id: String) async throws -> JSONObject
    /// Creates an item from a request body; returns its new ID.
    func create(_ resource: Resource, _ body: JSONObject) async throws -> String
    /// Sends an update body, formed by the resource's `updateBody`.
    func update(_ resource: Resource, id: String, _ body: JSONObject) async throws
    func delete(_ resource: Resource, id: String) async throws
}

public struct ResourceListing: Sendable, Equatable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
