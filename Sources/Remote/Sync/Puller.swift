import ConfigModel
import Foundation

/// Brings a resource's live items into files: writes new ones, updates tracked ones, and records each one's sync
/// as soon as it is done, so an interrupted pull loses nothing and a rerun converges.
public struct Puller: Sendable {
    public struct Options: Sendable {
        public var environment: String
        /// Where new files go.
        public var directory: String
        /// Files or IDs to pull; empty means every one (subject to `namePattern`).
        public var selectors: [String] = []
        public var namePattern: String?
        public var full = false
        /// The side every conflict takes; nil leaves the file's value and reports the conflict.
        public var taking: ThreeWayMerge.Side?
        /// What `${NAME}` placeholders in the files resolve to.
        public var variables = Variables(environment: [:])
        public var dryRun = false
        /// Remove the file and the entry of a tracked item deleted on the server.
        public var prune = false
        public var concurrency = 8

        public init(environment: String, directory: String) {
            self.environment = environment
            self.directory = directory
        }
    }

    public enum Change: Equatable, Sendable {
        case new, updated, unchanged
        case keptLocalEdits(String)
        /// The tracked item is gone from the server (404); `removed` when its file and entry were pruned.
        case deletedRemotely(removed: Bool)
        case failed(String)
    }

    public struct FileResult: Sendable {
        public let file: String
        public let id: String
        public let change: Change
        /// The file's text before and after, kept only for a dry run (which shows them).
        public let before: String?
        public let after: String?
        /// Fields changed differently in the file and on the live item since the last sync.
        public var conflicts: [ThreeWayMerge.Conflict] = []
        /// Placeholders whose live value moved away from what they resolve to.
        public var drift: [PlaceholderDrift] = []
    }

    let resource: Resource
    let service: any ResourceService
    /// The IDs of the environment's tracked files, written as their names (set for each pull).
    private var references: ReferenceMap?

    public init(_ resource: Resource, service: any ResourceService) {
        self.resource = resource
        self.service = service
    }

    /// Pulls the selected items, `concurrency` at a time, holding at most that many in memory. `state` gets each
    /// file's entry as soon as it is written (or found to match), and `recorded` is told, so the caller can save.
    public func pull(_ options: Options, state: inout SyncState, progress: (Int, Int) -> Void = { _, _ in },
                     recorded: (SyncState) -> Void = { _ in }) async throws -> [FileResult] {
        let listing = try await service.list(resource)
        let selected = try select(listing, options: options, state: state)
        let targets = PullTarget.assign(selected, resource: resource, state: state, environment: options.environment,
                                        directory: options.directory)
        let entries = targets.map { state.entry($0.file, of: resource, in: options.environment) }
        let work = Array(zip(selected, zip(targets, entries)))
        let snapshot = state
        var puller = self
        puller.references = ReferenceMap(state: state, environment: options.environment)
        return await work.boundedMap(limit: options.concurrency, finished: { done, output in
            progress(done, work.count)
            guard !options.dryRun else { return }
            switch output.1 {
            case .keep(let entry): state[options.environment, output.0.file] = entry
            case .forget: state[options.environment, output.0.file] = nil
            case .nothing: return
            }
            recorded(state)
        }) { [puller] item, target in
            await puller.pull(item.id, into: target.0, entry: target.1, options: options, state: snapshot)
        }.map(\.0)
    }

    enum Record: Sendable {
        case keep(SyncState.Entry)
        case forget
        case nothing
    }

    private func pull(_ id: String, into target: PullTarget, entry: SyncState.Entry?, options: Options,
                      state: SyncState) async -> (FileResult, Record) {
        let remote: JSONObject
        do { remote = try await service.get(resource, id: id) } catch {
            if let gone = error as? RemoteError, gone.kind == .notFound, target.tracked {
                return deletedRemotely(id, file: target.file, options: options)
            }
            return (FileResult(file: target.file, id: id, change: .failed("\(error)"), before: nil, after: nil), .nothing)
        }
        var file = target.file
        if let fallback = target.fallback,
           (try? AgentDocument.readBytes(path: target.file)).map(AgentDocument.text) != text(remote, file: file, stated: nil, options: options) {
            file = fallback
        }
        return write(remote, id: id, to: file, entry: entry, options: options, state: state)
    }

    private func deletedRemotely(_ id: String, file: String, options: Options) -> (FileResult, Record) {
        guard options.prune, !options.dryRun else {
            return (FileResult(file: file, id: id, change: .deletedRemotely(removed: false), before: nil, after: nil), .nothing)
        }
        if FileManager.default.fileExists(atPath: file) {
            do { try FileManager.default.removeItem(atPath: file) } catch {
                return (FileResult(file: file, id: id, change: .failed("cannot remove \(file): \(error)"), before: nil, after: nil), .nothing)
            }
        }
        return (FileResult(file: file, id: id, change: .deletedRemotely(removed: true), before: nil, after: nil), .forget)
    }

    private func text(_ remote: JSONObject, file: String, stated: JSONObject?, options: Options) -> String {
        let remote = resource.withoutSecrets(references.map { $0.naming(remote, fields: resource.references) } ?? remote, file)
        let content = FileContent.fromRemote(remote, stated: stated, full: options.full, schema: resource.schema)
        return FileContent.yamlText(content, file: file, schema: resource.schema)
    }

    private func write(_ remote: JSONObject, id: String, to file: String, entry: SyncState.Entry?, options: Options,
                       state: SyncState) -> (FileResult, Record) {
        guard let bytes = try? AgentDocument.readBytes(path: file) else {
            return create(remote, id: id, file: file, options: options, state: state)
        }
        let merging = PullMerge(resource: resource, variables: options.variables, full: options.full, side: options.taking,
                                naming: { [references, resource] in references?.naming($0, fields: resource.references) ?? $0 })
        let outcome: PullMerge.Outcome
        do { outcome = try merging.merge(bytes: bytes, file: file, remote: remote, entry: entry, state: state) } catch {
            let change: Change
            switch error {
            case .kept(let reason): change = .keptLocalEdits(reason)
            case .failed(let reason): change = .failed(reason)
            }
            return (FileResult(file: file, id: id, change: change, before: nil, after: nil), .nothing)
        }
        let result = FileResult(file: file, id: id, change: outcome.changed ? .updated : .unchanged,
                                before: options.dryRun ? AgentDocument.text(of: bytes) : nil,
                                after: options.dryRun ? outcome.text : nil, conflicts: outcome.conflicts, drift: outcome.drift)
        guard !options.dryRun else { return (result, .nothing) }
        do {
            // A file with nothing to change is not touched, not even its modification time.
            if outcome.changed { try AtomicFile.write(outcome.text, to: file) }
            guard outcome.settled else { return (result, .nothing) }
            let entry = try state.synced(resource, id: id, remote: remote, file: outcome.agreed, secretPaths: outcome.secretPaths)
            return (result, .keep(entry))
        } catch {
            return (FileResult(file: file, id: id, change: .failed("\(error)"), before: nil, after: nil), .nothing)
        }
    }

    /// A new file, written whole from the live item.
    private func create(_ remote: JSONObject, id: String, file: String, options: Options,
                        state: SyncState) -> (FileResult, Record) {
        let text = text(remote, file: file, stated: nil, options: options)
        let result = { (change: Change) in
            FileResult(file: file, id: id, change: change, before: nil, after: options.dryRun ? text : nil)
        }
        guard !options.dryRun else { return (result(.new), .nothing) }
        do {
            try AtomicFile.write(text, to: file)
            // The file hash is of what the written file reads back as, so the next comparison starts from exactly it.
            let written = (try? AgentDocument.parse(bytes: Array(text.utf8), file: file)).flatMap { resource.schema.requestBody($0) }
            return (result(.new), .keep(try state.synced(resource, id: id, remote: remote, file: written ?? JSONObject())))
        } catch {
            return (result(.failed("\(error)")), .nothing)
        }
    }

    /// The listed items chosen by the selectors and the name pattern, in name order; tracked items missing from the
    /// list follow, so one deleted on the server is noticed (or pulled, if it is only hidden from the list).
    private func select(_ listing: [ResourceListing], options: Options, state: SyncState) throws -> [ResourceListing] {
        let tracked = state.entries(of: resource, in: options.environment)
        var ids = Set(listing.map(\.id)).union(tracked.values.map(\.id))
        if !options.selectors.isEmpty {
            ids = []
            for selector in options.selectors {
                if let entry = state.entry(selector, of: resource, in: options.environment) {
                    ids.insert(entry.id)
                } else if listing.contains(where: { $0.id == selector }) {
                    ids.insert(selector)
                } else {
                    throw SettingsError("`\(selector)` is neither a file tracked in environment `\(options.environment)` "
                        + "nor the ID of a live \(resource.kind)")
                }
            }
        }
        var chosen = listing.filter { ids.contains($0.id) }
        if let pattern = options.namePattern {
            chosen = chosen.filter { fnmatch(pattern, $0.name, 0) == 0 }
        }
        chosen.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        let listed = Set(listing.map(\.id))
        let unlisted = tracked.filter { ids.contains($0.value.id) && !listed.contains($0.value.id) && options.namePattern == nil }
        return chosen + unlisted.sorted { $0.key < $1.key }.map { ResourceListing(id: $0.value.id, name: "") }
    }
}
