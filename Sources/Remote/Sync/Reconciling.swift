import ConfigModel
import Foundation

/// Identity follows the resource, not the path: before planning, a tracked file that is gone and an untracked file
/// holding its content (or, failing that, the only one with its synced name) are the same item, renamed; and an
/// untracked file whose create was interrupted adopts the live item that create made.
public enum Reconciling {
    public struct Rename: Sendable, Equatable {
        public let from: String
        public let to: String
        public let id: String
    }

    public struct Reconciled: Sendable {
        public var renamed: [Rename] = []
        /// Gone files whose item may live on in several untracked files: never pruned, never guessed.
        public var unsure: [String: [String]] = [:]
        /// Files whose interrupted create was found on the server and adopted.
        public var adopted: [String] = []

        /// Whether the state changed, so it must be saved even if nothing else is done.
        public var changedState: Bool { !renamed.isEmpty || !adopted.isEmpty }

        public init() {}
    }

    /// Whether finding renames needs the files' hashes: a tracked file is gone.
    public static func needsHashes(_ resource: Resource, environment: String, state: SyncState) -> Bool {
        state.entries(of: resource, in: environment).keys.contains { !FileManager.default.fileExists(atPath: $0) }
    }

    /// Finds renames among `files` (hashed when `needsHashes`) and moves their entries in `state`.
    public static func renames(_ resource: Resource, files: [LocalFile], environment: String,
                               state: inout SyncState) -> Reconciled {
        let tracked = state.entries(of: resource, in: environment)
        let present = Set(files.map(\.file))
        let missing = tracked.filter { !present.contains($0.key) && !FileManager.default.fileExists(atPath: $0.key) }
        guard !missing.isEmpty else { return Reconciled() }
        let untracked = files.filter { state[environment, $0.file] == nil && !$0.hashes.isEmpty }
        var result = Reconciled()
        var taken = Set<String>()
        for (file, entry) in missing.sorted(by: { $0.key < $1.key }) {
            var matches = untracked.filter { $0.hashes.contains(entry.fileHash) && !taken.contains($0.file) }
            if matches.isEmpty, let name = entry.baseHash.flatMap(state.bases.base).flatMap(resource.name) {
                matches = untracked.filter { $0.name == name && !taken.contains($0.file) }
            }
            if matches.count == 1 {
                taken.insert(matches[0].file)
                state.move(file, to: matches[0].file, in: environment)
                result.renamed.append(Rename(from: file, to: matches[0].file, id: entry.id))
            } else if matches.count > 1 {
                result.unsure[file] = matches.map(\.file)
            }
        }
        return result
    }

    /// Adopts, for each untracked file with an interrupted create, the live item of its name that holds exactly its
    /// content; returns the adopted files. The pending mark stays until a saved lock records the file (it is dropped
    /// here once the loaded lock does), or is dropped at once when no live item matches: the plan then creates it.
    /// `reading` gives a file's document (only files with a pending create are read).
    public static func adoptInterruptedCreates(_ resource: Resource, files: [String], reading: (String) -> AgentDocument?,
                                               environment: String, service: any ResourceService,
                                               state: inout SyncState) async throws -> [String] {
        let pending = files.filter { state.pendingCreates.isPending($0, environment: environment) }
        for file in pending where state[environment, file] != nil {
            state.pendingCreates.end(file, environment: environment)
        }
        let untracked = pending.filter { state[environment, $0] == nil }.compactMap(reading)
        guard !untracked.isEmpty else { return [] }
        let listing = try await service.list(resource)
        let trackedIDs = Set(state.entries(of: resource, in: environment).values.map(\.id))
        var adopted: [String] = []
        for document in untracked {
            let local = resource.schema.requestBody(document) ?? JSONObject()
            let name = resource.name(of: local) ?? ""
            for item in listing where item.name == name && !trackedIDs.contains(item.id) {
                let remote = try await service.get(resource, id: item.id)
                let view = FileContent.view(remote, schema: resource.schema)
                let comparison = FileComparison(file: document.file, local: local, remote: view, base: nil, id: item.id,
                                                defaults: resource.schema.defaultValue)
                guard comparison.changes.isEmpty,
                      state.file(for: item.id, of: resource, in: environment) == nil else { continue }
                state[environment, document.file] = try state.synced(resource, id: item.id, remote: remote, file: local,
                                                                     secretPaths: document.secretPaths)
                adopted.append(document.file)
                break
            }
            if adopted.last != document.file { state.pendingCreates.end(document.file, environment: environment) }
        }
        return adopted
    }
}
