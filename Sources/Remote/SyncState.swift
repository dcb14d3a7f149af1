import ConfigModel

/// `agentctl.lock`: per environment and file, the live resource behind it (its kind and ID), its version and the
/// hashes of what both sides agreed on at the last pull or push. The agreed content itself is in `bases`, out of
/// Git. Read and written in one place, `SyncState+LockFile.swift`.
public struct SyncState: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var resource: Resource
        public var id: String
        /// The live resource's last-modified stamp when last synced: a change means someone edited it since.
        public var remoteUpdatedAt: Double?
        /// `ContentHash` of the file's content (as the API's JSON, secret values left out) when last synced: a change
        /// is a local edit. See `fileMatches`.
        public var fileHash: String
        /// `ContentHash` of the live resource's content when last synced, kept in `bases`: the base of three-way
        /// comparisons, in every field, stated in the file or not.
        public var baseHash: String?
        /// The agent's branch this entry was synced with; nil for the main branch.
        public var branch: AgentBranch?

        public init(_ resource: Resource, id: String, remoteUpdatedAt: Double?, fileHash: String, baseHash: String?,
                    branch: AgentBranch? = nil) {
            self.resource = resource
            self.id = id
            self.remoteUpdatedAt = remoteUpdatedAt
            self.fileHash = fileHash
            self.baseHash = baseHash
            self.branch = branch
        }

        /// Whether a file's content (`local`, secret variables filled in at `secretPaths`) is what was last synced,
        /// by any hash a lock may hold for it (an entry written before hashes were secret-free too).
        public func fileMatches(_ local: JSONObject, secretPaths: [[String]]) -> Bool {
            ContentHash.recognised(local, secretPaths: secretPaths).contains(fileHash)
        }
    }

    /// environment -> file path -> entry
    public var environments: [String: [String: Entry]] = [:]
    public let bases: BaseStore
    public let pendingCreates: PendingCreates
    /// The branch each agent is synced with in this run, recorded on the entries `synced` makes; not saved as such.
    public var workingBranches = WorkingBranches()

    public init(bases: BaseStore = BaseStore(directory: nil), pendingCreates: PendingCreates = PendingCreates(directory: nil)) {
        self.bases = bases
        self.pendingCreates = pendingCreates
    }

    public subscript(environment: String, file: String) -> Entry? {
        get { environments[environment]?[file] }
        set { environments[environment, default: [:]][file] = newValue }
    }

    /// The entry of a file, if it tracks this resource.
    public func entry(_ file: String, of resource: Resource, in environment: String) -> Entry? {
        self[environment, file].flatMap { $0.resource == resource ? $0 : nil }
    }

    /// The tracked files of one resource in an environment.
    public func entries(of resource: Resource, in environment: String) -> [String: Entry] {
        (environments[environment] ?? [:]).filter { $0.value.resource == resource }
    }

    /// The tracked file for a live resource's ID in an environment, if any.
    public func file(for id: String, of resource: Resource, in environment: String) -> String? {
        entries(of: resource, in: environment).first(where: { $0.value.id == id })?.key
    }

    /// The state after a sync of `file`: its content and the live resource's, as both sides now agree. The fields at
    /// `secretPaths` (from secret variables) are left out of the kept base and of the file's hash, so neither a secret
    /// value nor a hash that would confirm a guess of it is written.
    public func synced(_ resource: Resource, id: String, remote: JSONObject, file: JSONObject,
                       secretPaths: [[String]] = []) throws(AtomicFile.WriteError) -> Entry {
        let view = FileContent.view(remote, schema: resource.schema).removingValues(at: secretPaths)
        return Entry(resource, id: id, remoteUpdatedAt: resource.remoteVersion(remote),
                     fileHash: ContentHash.ofFile(file, secretPaths: secretPaths), baseHash: try bases.keep(view),
                     branch: workingBranches.byAgent[id])
    }

    /// Moves an entry to another file (a renamed file keeps its live resource).
    public mutating func move(_ file: String, to newFile: String, in environment: String) {
        self[environment, newFile] = self[environment, file]
        self[environment, file] = nil
    }

    /// Moves a file's entries in every environment; returns those environments, sorted.
    public mutating func move(_ file: String, to newFile: String) -> [String] {
        let tracking = environments.filter { $0.value[file] != nil }.keys.sorted()
        for environment in tracking { move(file, to: newFile, in: environment) }
        return tracking
    }

    public static func == (lhs: SyncState, rhs: SyncState) -> Bool { lhs.environments == rhs.environments }
}
