import ConfigModel

/// A file read and set against its live resource: the input of diff, push and status.
public struct PlannedFile: Sendable {
    public let file: String
    public let document: AgentDocument
    /// The request body the file describes: every key written, scalars typed by their field.
    public let local: JSONObject
    public let remote: JSONObject?
    public let comparison: FileComparison

    public var id: String? { comparison.id }
}

/// Reads a resource's files and their live counterparts (concurrently, within a bound) into comparisons.
public struct Planner: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let message: String
        public var description: String { "\(file): \(message)" }
    }

    let resource: Resource
    let service: any ResourceService

    public init(_ resource: Resource, service: any ResourceService) {
        self.resource = resource
        self.service = service
    }

    /// One result per file, in the order given: a plan, or why there is none (the live one could not be read).
    public func plan(_ documents: [AgentDocument], environment: String, state: SyncState, concurrency: Int)
        async -> [Result<PlannedFile, Failure>] {
        let entries = documents.map { state.entry($0.file, of: resource, in: environment) }
        return await Array(zip(documents, entries)).boundedMap(limit: concurrency) { [self] document, entry in
            await plan(document, entry: entry)
        }
    }

    private func plan(_ document: AgentDocument, entry: SyncState.Entry?) async -> Result<PlannedFile, Failure> {
        let local = resource.schema.requestBody(document) ?? JSONObject()
        var remote: JSONObject?
        if let entry {
            do { remote = try await service.get(resource, id: entry.id) } catch {
                return .failure(Failure(file: document.file, message: "cannot read live \(resource.kind) \(entry.id): \(error)"))
            }
        }
        let comparison = FileComparison(file: document.file, local: local, remote: remote, base: entry?.base,
                                        id: entry?.id, defaults: resource.schema.defaultValue)
        return .success(PlannedFile(file: document.file, document: document, local: local, remote: remote,
                                    comparison: comparison))
    }
}
