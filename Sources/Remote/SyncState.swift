import ConfigModel

/// `agentctl.lock`: per environment and file, the live resource behind it (its kind and ID) and what both sides
/// agreed on at the last pull or push. Read and written in one place, `SyncState+LockFile.swift`.
public struct SyncState: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var resource: Resource
        public var id: String
        /// The live resource's last-modified stamp when last synced: a change means someone edited it since.
        public var remoteUpdatedAt: Double?
        /// The file's content (as the API's JSON) when last synced: the base of three-way comparisons.
        public var base: JSONObject

        public init(_ resource: Resource, id: String, remoteUpdatedAt: Double?, base: JSONObject) {
            self.resource = resource
            self.id = id
            self.remoteUpdatedAt = remoteUpdatedAt
            self.base = base
        }
    }

    /// environment -> file path -> entry
    public var environments: [String: [String: Entry]] = [:]

    public init() {}

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
}
