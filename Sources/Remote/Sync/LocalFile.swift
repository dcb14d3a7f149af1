import ConfigModel

/// What the first pass over the files keeps of each (its path, resource, name and hashes), not its content: enough
/// to find renamed files before any is compared, with memory that does not grow with the files' size.
public struct LocalFile: Sendable {
    public let file: String
    /// The resource the file describes (`Resource.of`).
    public let resource: Resource
    /// The name the file gives its resource, where the resource keeps it (`Resource.name(of:)`); nil when not `hashed`.
    public let name: String?
    /// The hashes a lock entry may hold for this content (`ContentHash.recognised`); none when not `hashed`.
    public let hashes: [String]

    /// `hashed`: whether to read the content's name and hashes, which only finding a renamed file needs.
    public init(_ document: AgentDocument, of resource: Resource, hashed: Bool) {
        file = document.file
        self.resource = resource
        let body = hashed ? resource.schema.requestBody(document) : nil
        name = body.flatMap(resource.name)
        hashes = body.map { ContentHash.recognised($0, secretPaths: document.secretPaths) } ?? []
    }
}
