import ConfigModel
import Foundation

/// The `agentctl.lock` file: JSON, committed to Git, written atomically with sorted environments and files so its
/// diffs are readable. Format 3 holds per entry the resource `kind`, its ID under `<kind>_id`, the live version and
/// two hashes (`file_sha256`, `base_sha256`); the synced content is in the base store. Formats 1 (agents only, no
/// `kind`) and 2 (the synced content inline as `base`) are still read, their bases moved to the store, and written
/// back as format 3. Format 4 adds an entry's agent branch (`branch`, `branch_id`); a lock that records no branch is
/// still written as format 3, so an agentctl that cannot read branches keeps reading it, and refuses one that does.
extension SyncState {
    public static let fileName = "agentctl.lock"
    static let formatVersion = 4
    static let formatWithoutBranches = 3

    public static func load(path: String = fileName) throws(Diagnostic) -> SyncState {
        let folder = (path as NSString).deletingLastPathComponent
        let inFolder = { (name: String) in folder.isEmpty ? name : "\(folder)/\(name)" }
        var state = SyncState(bases: BaseStore(directory: inFolder(BaseStore.folder)),
                              pendingCreates: PendingCreates(directory: inFolder(PendingCreates.folder)))
        guard FileManager.default.fileExists(atPath: path) else { return state }
        let bytes = try AgentDocument.readBytes(path: path)
        let start = SourceMark(file: path, line: 1, column: 1)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw Diagnostic.error(.stateFile, "the state file is not valid JSON (\(error.message) at byte \(error.offset)); "
                + "restore it from Git", at: start)
        }
        let version = json["version"]?.numberValue ?? 1
        guard version <= Double(formatVersion) else {
            throw Diagnostic.error(.stateFile, "the state file has format \(JSONText.number(version)), written by a newer agentctl; "
                + "upgrade agentctl", at: start)
        }
        for (environment, files) in json["environments"]?.objectValue ?? JSONObject() {
            for (file, entry) in files.objectValue ?? JSONObject() {
                // Format 1 tracked agents only and had no kind.
                let kind = version < 2 ? Resource.agents.kind : entry["kind"]?.stringValue ?? ""
                guard let resource = Resource.named(kind) else {
                    throw Diagnostic.error(.stateFile, "entry \(environment)/\(file) has an unknown kind `\(kind)`", at: start)
                }
                guard let id = entry[resource.lockIDKey]?.stringValue else {
                    throw Diagnostic.error(.stateFile, "entry \(environment)/\(file) has no \(resource.lockIDKey)", at: start)
                }
                state[environment, file] = try Self.entry(entry, resource: resource, id: id, version: version,
                                                          bases: state.bases, at: start)
            }
        }
        return state
    }

    public func text() -> String {
        var environmentsObject = JSONObject()
        for (environment, files) in environments.sorted(by: { $0.key < $1.key }) where !files.isEmpty {
            var filesObject = JSONObject()
            for (file, entry) in files.sorted(by: { $0.key < $1.key }) {
                var object = JSONObject([("kind", .string(entry.resource.kind)), (entry.resource.lockIDKey, .string(entry.id))])
                object["remote_updated_at"] = entry.remoteUpdatedAt.map { .number(JSONNumber($0)) }
                object["file_sha256"] = .string(entry.fileHash)
                object["base_sha256"] = entry.baseHash.map(JSONValue.string)
                object["branch"] = entry.branch.map { .string($0.name) }
                object["branch_id"] = entry.branch.map { .string($0.id) }
                filesObject[file] = .object(object)
            }
            environmentsObject[environment] = .object(filesObject)
        }
        let branched = environments.values.contains { $0.values.contains { $0.branch != nil } }
        let root = JSONObject([("version", .number(JSONNumber(branched ? Self.formatVersion : Self.formatWithoutBranches))),
                               ("environments", .object(environmentsObject))])
        return JSONText.encode(.object(root), pretty: true, numbers: .shortest) + "\n"
    }

    public func save(path: String = fileName) throws(AtomicFile.WriteError) {
        try AtomicFile.write(text(), to: path)
    }

    /// Saves, then drops the bases no entry names any more.
    public func saveAndCollect(path: String = fileName) throws(AtomicFile.WriteError) {
        try save(path: path)
        try bases.collect(keeping: Set(environments.values.flatMap(\.values).compactMap(\.baseHash)))
    }

    private static func entry(_ entry: JSONValue, resource: Resource, id: String, version: Double, bases: BaseStore,
                              at start: SourceMark) throws(Diagnostic) -> Entry {
        let updatedAt = entry["remote_updated_at"]?.numberValue
        guard version < 3 else {
            guard let fileHash = entry["file_sha256"]?.stringValue else {
                throw Diagnostic.error(.stateFile, "entry for \(resource.kind) \(id) has no file_sha256", at: start)
            }
            var branch: AgentBranch?
            if let name = entry["branch"]?.stringValue {
                guard let branchID = entry["branch_id"]?.stringValue else {
                    throw Diagnostic.error(.stateFile, "entry for \(resource.kind) \(id) names branch `\(name)` but has no branch_id",
                                           at: start)
                }
                branch = AgentBranch(name: name, id: branchID)
            }
            return Entry(resource, id: id, remoteUpdatedAt: updatedAt, fileHash: fileHash,
                         baseHash: entry["base_sha256"]?.stringValue, branch: branch)
        }
        // Formats 1 and 2 held the file's content at the last sync inline: it becomes the stored base.
        let base = entry["base"]?.objectValue ?? JSONObject()
        return Entry(resource, id: id, remoteUpdatedAt: updatedAt, fileHash: ContentHash.of(base),
                     baseHash: bases.hold(base))
    }
}
