import ConfigModel

/// A file read and set against its live resource: the input of diff, push and status.
public struct PlannedFile: Sendable {
    public let file: String
    public let document: AgentDocument
    /// The request body the file describes: every key written, scalars typed by their field.
    public let local: JSONObject
    public let comparison: FileComparison
    /// The tracked item's ID when the server says it no longer exists (404): a push creates it again.
    public let deletedRemotely: String?
    /// The file this one was tracked as before it was renamed.
    public var renamedFrom: String?

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
    /// `progress` is told how many of how many are done.
    public func plan(_ documents: [AgentDocument], environment: String, state: SyncState, concurrency: Int,
                     renames: [Reconciling.Rename] = [],
                     progress: @Sendable (Int, Int) -> Void = { _, _ in }) async -> [Result<PlannedFile, Failure>] {
        let entries = documents.map { state.entry($0.file, of: resource, in: environment) }
        let references = ReferenceMap(state: state, environment: environment)
        let renamedFrom = Dictionary(renames.map { ($0.to, $0.from) }, uniquingKeysWith: { first, _ in first })
        return await Array(zip(documents, entries)).boundedMap(limit: concurrency, finished: { done, _ in progress(done, documents.count) }) {
            [self] document, entry in
            await plan(document, entry: entry, state: state, references: references).map { plan in
                var plan = plan
                plan.renamedFrom = renamedFrom[document.file]
                return plan
            }
        }
    }

    private func plan(_ document: AgentDocument, entry: SyncState.Entry?, state: SyncState,
                      references: ReferenceMap) async -> Result<PlannedFile, Failure> {
        let local = resource.schema.requestBody(document) ?? JSONObject()
        // Compared by name (a file naming `tool:book` agrees with the live ID of tools/book.yaml here), list items
        // by the members the file states.
        let named = { (body: JSONObject) in
            ListItems.trimmed(references.naming(body, fields: resource.references), stated: local,
                              defaults: resource.schema.defaultValue)
        }
        var remote: JSONObject?
        if let entry {
            do { remote = try await service.get(resource, id: entry.id) } catch {
                if let gone = error as? RemoteError, gone.kind == .notFound {
                    let comparison = FileComparison(file: document.file, local: local, remote: nil, base: nil, id: nil,
                                                    defaults: resource.schema.defaultValue)
                    return .success(PlannedFile(file: document.file, document: document, local: local,
                                                comparison: comparison, deletedRemotely: entry.id))
                }
                return .failure(Failure(file: document.file, message: "cannot read live \(resource.kind) \(entry.id): \(error)"))
            }
        }
        let view = remote.map { named(FileContent.view($0, schema: resource.schema)) }
        let (base, remoteChanged) = base(of: entry, remote: remote, view: view, local: local, state: state)
        let comparison = FileComparison(file: document.file, local: named(local), remote: view, base: base.map(named), id: entry?.id,
                                        defaults: resource.schema.defaultValue, remoteChanged: remoteChanged,
                                        unbased: document.secretPaths)
        // The live item is not kept: a plan holds what it shows and sends, so memory does not hold every live agent.
        return .success(PlannedFile(file: document.file, document: document, local: local,
                                    comparison: comparison, deletedRemotely: nil))
    }

    /// What both sides agreed on at the last sync: the stored base; else, where it is not on this machine (a fresh
    /// clone), the live item when its version has not moved, or the file when its hash has not; else unknown.
    private func base(of entry: SyncState.Entry?, remote: JSONObject?, view: JSONObject?, local: JSONObject,
                      state: SyncState) -> (JSONObject?, Bool) {
        guard let entry, let remote else { return (nil, false) }
        let version = resource.remoteVersion(remote)
        let remoteChanged = version == nil || version != entry.remoteUpdatedAt
        if let stored = entry.baseHash.flatMap(state.bases.base) { return (stored, remoteChanged) }
        if !remoteChanged { return (view, false) }
        if ContentHash.of(local) == entry.fileHash { return (local, true) }
        return (nil, true)
    }
}
