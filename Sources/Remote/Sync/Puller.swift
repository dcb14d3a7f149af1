import ConfigModel
import Foundation

/// Brings a resource's live items into files: writes new ones, updates tracked ones, and records what was synced.
public struct Puller: Sendable {
    public struct Options: Sendable {
        public var environment: String
        /// Where new files go.
        public var directory: String
        /// Files or IDs to pull; empty means every one (subject to `namePattern`).
        public var selectors: [String] = []
        public var namePattern: String?
        public var full = false
        public var force = false
        public var dryRun = false
        public var concurrency = 8

        public init(environment: String, directory: String) {
            self.environment = environment
            self.directory = directory
        }
    }

    public enum Change: Equatable, Sendable {
        case new, updated, unchanged
        case keptLocalEdits(String)
        case failed(String)
    }

    public struct FileResult: Sendable {
        public let file: String
        public let id: String
        public let change: Change
        /// The file's text before and after, for showing a dry run.
        public let before: String?
        public let after: String?
    }

    let resource: Resource
    let service: any ResourceService

    public init(_ resource: Resource, service: any ResourceService) {
        self.resource = resource
        self.service = service
    }

    /// Pulls the selected items. `state` is updated only for files that were written or already matched.
    public func pull(_ options: Options, state: inout SyncState,
                     progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> [FileResult] {
        let listing = try await service.list(resource)
        let selected = try select(listing, options: options, state: state)
            .sorted(by: { ($0.name, $0.id) < ($1.name, $1.id) })
        let (resource, service) = (self.resource, self.service)
        let fetched = await selected.boundedMap(limit: options.concurrency, finished: { progress($0, selected.count) }) {
            item -> Result<JSONObject, any Error> in
            do { return .success(try await service.get(resource, id: item.id)) } catch { return .failure(error) }
        }
        var results: [FileResult] = []
        var claimed = Set((state.environments[options.environment] ?? [:]).keys)
        for (item, answer) in zip(selected, fetched) {
            let file = state.file(for: item.id, of: resource, in: options.environment)
                ?? FileNaming.uniquePath(for: item.name, of: resource, in: options.directory) {
                    claimed.contains($0) || FileManager.default.fileExists(atPath: $0)
                }
            claimed.insert(file)
            switch answer {
            case .failure(let error):
                results.append(FileResult(file: file, id: item.id, change: .failed("\(error)"), before: nil, after: nil))
            case .success(let remote):
                results.append(write(remote, id: item.id, to: file, options: options, state: &state))
            }
        }
        return results
    }

    private func select(_ listing: [ResourceListing], options: Options, state: SyncState) throws -> [ResourceListing] {
        var chosen = listing
        if !options.selectors.isEmpty {
            var ids = Set<String>()
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
            chosen = listing.filter { ids.contains($0.id) }
        }
        if let pattern = options.namePattern {
            chosen = chosen.filter { fnmatch(pattern, $0.name, 0) == 0 }
        }
        return chosen
    }

    private func write(_ remote: JSONObject, id: String, to file: String, options: Options,
                       state: inout SyncState) -> FileResult {
        let existingText = (try? AgentDocument.readBytes(path: file)).map { String(decoding: $0, as: UTF8.self) }
        let existing = existingText.flatMap { try? AgentDocument.parse(bytes: Array($0.utf8), file: file) }
        let local = existing.flatMap { resource.schema.requestBody($0) }
        // Rewriting a file from live values would drop its placeholders and write their (maybe secret) values.
        if let existing, Placeholder.holds(existing.root) {
            return FileResult(file: file, id: id, change: .failed("it holds ${NAME} placeholders, which pull does not rewrite "
                + "yet; take the live values by hand (`agentctl diff` shows them)"), before: existingText, after: nil)
        }
        if let existingText, !options.force {
            let entry = state.entry(file, of: resource, in: options.environment)
            if local == nil {
                return FileResult(file: file, id: id, change: .keptLocalEdits("it is not valid YAML"), before: existingText, after: nil)
            }
            if let entry, local != entry.base {
                return FileResult(file: file, id: id,
                                  change: .keptLocalEdits("it has local edits since the last sync"), before: existingText, after: nil)
            }
        }
        let content = FileContent.fromRemote(remote, stated: local, full: options.full, schema: resource.schema)
        let text = FileContent.yamlText(content, file: file, schema: resource.schema)
        let change: Change = existingText == nil ? .new : (existingText == text ? .unchanged : .updated)
        if !options.dryRun {
            if change != .unchanged {
                do { try AtomicFile.write(text, to: file) } catch {
                    return FileResult(file: file, id: id, change: .failed("\(error)"), before: existingText, after: text)
                }
            }
            // The base is what the written file reads back as, so the next diff starts from exactly it.
            let written = (try? AgentDocument.parse(bytes: Array(text.utf8), file: file)).flatMap { resource.schema.requestBody($0) }
            state[options.environment, file] = SyncState.Entry(resource, id: id, remoteUpdatedAt: resource.remoteVersion(remote),
                                                               base: written ?? content)
        }
        return FileResult(file: file, id: id, change: change, before: existingText, after: text)
    }
}
