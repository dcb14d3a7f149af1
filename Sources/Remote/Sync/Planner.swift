import ConfigModel

/// A file set against its live resource: the input of diff, push and status. It keeps what it shows, not the file's
/// content (a push reads the file again), so plans of a whole workspace hold only their changes.
public struct PlannedFile: Sendable {
    public let file: String
    public let resource: Resource
    /// The fields whose value came from a secret variable: masked when shown, left out of what the lock records.
    public let secretPaths: [[String]]
    /// `ContentHash` of the request body planned, when it has changes: a push sends only that same content.
    public let contentHash: String?
    public let comparison: FileComparison
    /// The tracked item's ID when the server says it no longer exists (404): a push creates it again.
    public let deletedRemotely: String?
    /// The file this one was tracked as before it was renamed.
    public var renamedFrom: String?

    public var id: String? { comparison.id }
}

/// Reads a resource's files and their live counterparts (concurrently, within a bound) into comparisons, each file
/// read only while it is compared, so memory holds `concurrency` files, not the workspace.
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

    /// One result per file, in the order given: a plan, or why there is none (the live one could not be read, or the
    /// file no longer reads as it did). `reading` gives a file's document; `progress` is told how many of how many
    /// are done.
    public func plan(_ files: [String], reading: @escaping @Sendable (String) -> AgentDocument?, environment: String,
                     state: SyncState, concurrency: Int, renames: [Reconciling.Rename] = [],
                     progress: @Sendable (Int, Int) -> Void = { _, _ in }) async -> [Result<PlannedFile, Failure>] {
        let entries = files.map { state.entry($0, of: resource, in: environment) }
        let references = ReferenceMap(state: state, environment: environment)
        let renamedFrom = Dictionary(renames.map { ($0.to, $0.from) }, uniquingKeysWith: { first, _ in first })
        return await Array(zip(files, entries)).boundedMap(limit: concurrency, finished: { done, _ in progress(done, files.count) }) {
            [self] file, entry in
            guard let document = reading(file) else { return .failure(Failure(file: file, message: Self.changedFile)) }
            return await plan(document, entry: entry, state: state, references: references).map { plan in
                var plan = plan
                plan.renamedFrom = renamedFrom[file]
                return plan
            }
        }
    }

    /// Why a file checked a moment ago cannot be planned or pushed.
    static let changedFile = "the file changed while agentctl was working on it; nothing was sent for it: run the command again"

    private func plan(_ document: AgentDocument, entry: SyncState.Entry?, state: SyncState,
                      references: ReferenceMap) async -> Result<PlannedFile, Failure> {
        let local = resource.schema.requestBody(document) ?? JSONObject()
        let planned = { (comparison: FileComparison, deleted: String?) in
            PlannedFile(file: document.file, resource: resource, secretPaths: document.secretPaths,
                        contentHash: comparison.hasChanges ? ContentHash.of(local) : nil, comparison: comparison,
                        deletedRemotely: deleted)
        }
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
                    return .success(planned(comparison, entry.id))
                }
                return .failure(Failure(file: document.file, message: "cannot read live \(resource.kind) \(entry.id): \(error)"))
            }
        }
        let view = remote.map { named(FileContent.view($0, schema: resource.schema)) }
        let (base, remoteChanged) = base(of: entry, remote: remote, view: view, local: local,
                                         secretPaths: document.secretPaths, state: state)
        let comparison = FileComparison(file: document.file, local: named(local), remote: view, base: base.map(named), id: entry?.id,
                                        defaults: resource.schema.defaultValue, remoteChanged: remoteChanged,
                                        unbased: document.secretPaths)
        // Neither the file nor the live item is kept: a plan holds what it shows, so memory does not hold the workspace.
        return .success(planned(comparison, nil))
    }

    /// What both sides agreed on at the last sync: the stored base; else, where it is not on this machine (a fresh
    /// clone), the live item when its version has not moved, or the file when its hash has not; else unknown.
    private func base(of entry: SyncState.Entry?, remote: JSONObject?, view: JSONObject?, local: JSONObject,
                      secretPaths: [[String]], state: SyncState) -> (JSONObject?, Bool) {
        guard let entry, let remote else { return (nil, false) }
        let version = resource.remoteVersion(remote)
        let remoteChanged = version == nil || version != entry.remoteUpdatedAt
        if let stored = entry.baseHash.flatMap(state.bases.base) { return (stored, remoteChanged) }
        if !remoteChanged { return (view, false) }
        if entry.fileMatches(local, secretPaths: secretPaths) { return (local, true) }
        return (nil, true)
    }
}
