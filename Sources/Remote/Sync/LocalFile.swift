import ConfigModel

/// What the first pass over a resource's files keeps of each (its path, name and hashes), not its content: enough
/// to find renamed files before any is compared, with memory that does not grow with the files' size.
public struct LocalFile: Sendable {
    public let file: String
    /// The `name` the file gives its resource.
    public let name: JSONValue?
    /// The hashes a lock entry may hold for this content (`ContentHash.recognised`); none when not `hashed`.
    public let hashes: [String]

    /// `hashed`: whether to hash the content, which only finding a renamed file needs.
    public init(_ document: AgentDocument, of resource: Resource, hashed: Bool) {
        file = document.file
        let body = resource.schema.requestBody(document)
        name = body?["name"]
        hashes = hashed ? body.map { ContentHash.recognised($0, secretPaths: document.secretPaths) } ?? [] : []
    }

    public init(file: String, name: JSONValue?, hashes: [String]) {
        self.file = file
        self.name = name
        self.hashes = hashes
    }
}
