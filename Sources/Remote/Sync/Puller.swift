import AgentSchema
import ConfigModel
import Foundation

/// Brings live agents into files: writes new ones, updates tracked ones, and records what was synced.
public struct Puller: Sendable {
    public struct Options: Sendable {
        public var environment: String
        public var agentsDirectory: String
        /// Files or agent IDs to pull; empty means every agent (subject to `namePattern`).
        public var selectors: [String] = []
        public var namePattern: String?
        public var full = false
        public var force = false
        public var dryRun = false
        public var concurrency = 8

        public init(environment: String, agentsDirectory: String) {
            self.environment = environment
            self.agentsDirectory = agentsDirectory
        }
    }

    public enum Change: Equatable, Sendable {
        case new, updated, unchanged
        case keptLocalEdits(String)
        case failed(String)
    }

    public struct FileResult: Sendable {
        public let file: String
        public let agentID: String
        public let change: Change
        /// The file's text before and after, for showing a dry run.
        public let before: String?
        public let after: String?
    }

    let service: any AgentsService

    public init(service: any AgentsService) { self.service = service }

    /// Pulls the selected agents. `state` is updated only for files that were written or already matched.
    public func pull(_ options: Options, state: inout SyncState,
                     progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> [FileResult] {
        let listing = try await service.allAgents()
        let selected = try select(listing, options: options, state: state)
        let fetched = await fetch(selected.map(\.id), concurrency: options.concurrency, progress: progress)
        var results: [FileResult] = []
        var claimed = Set(state.entries(in: options.environment).keys)
        for agent in selected.sorted(by: { ($0.name, $0.id) < ($1.name, $1.id) }) {
            let file = state.file(forAgent: agent.id, in: options.environment)
                ?? FileNaming.uniquePath(for: agent.name, in: options.agentsDirectory) {
                    claimed.contains($0) || FileManager.default.fileExists(atPath: $0)
                }
            claimed.insert(file)
            switch fetched[agent.id]! {
            case .failure(let error):
                results.append(FileResult(file: file, agentID: agent.id, change: .failed("\(error)"), before: nil, after: nil))
            case .success(let remote):
                results.append(write(remote, id: agent.id, to: file, options: options, state: &state))
            }
        }
        return results
    }

    private func select(_ listing: [AgentListing], options: Options, state: SyncState) throws -> [AgentListing] {
        var chosen = listing
        if !options.selectors.isEmpty {
            var ids = Set<String>()
            for selector in options.selectors {
                if let entry = state[options.environment, selector] {
                    ids.insert(entry.agentID)
                } else if listing.contains(where: { $0.id == selector }) {
                    ids.insert(selector)
                } else {
                    throw SettingsError("`\(selector)` is neither a file tracked in environment `\(options.environment)` "
                        + "nor the ID of a live agent")
                }
            }
            chosen = listing.filter { ids.contains($0.id) }
        }
        if let pattern = options.namePattern {
            chosen = chosen.filter { fnmatch(pattern, $0.name, 0) == 0 }
        }
        return chosen
    }

    private func fetch(_ ids: [String], concurrency: Int, progress: @Sendable (Int, Int) -> Void) async
        -> [String: Result<JSONObject, any Error>] {
        let service = self.service
        let fetchOne: @Sendable (String) async -> (String, Result<JSONObject, any Error>) = { id in
            do { return (id, .success(try await service.agent(id: id))) } catch { return (id, .failure(error)) }
        }
        var results: [String: Result<JSONObject, any Error>] = [:]
        await withTaskGroup(of: (String, Result<JSONObject, any Error>).self) { group in
            var pending = ids.makeIterator()
            for _ in 0..<max(1, concurrency) {
                guard let id = pending.next() else { break }
                group.addTask { await fetchOne(id) }
            }
            while let (id, result) = await group.next() {
                results[id] = result
                progress(results.count, ids.count)
                if let next = pending.next() { group.addTask { await fetchOne(next) } }
            }
        }
        return results
    }

    private func write(_ remote: JSONObject, id: String, to file: String, options: Options,
                       state: inout SyncState) -> FileResult {
        let existingText = (try? AgentDocument.readBytes(path: file)).map { String(decoding: $0, as: UTF8.self) }
        let existing = existingText.flatMap { try? AgentDocument.parse(bytes: Array($0.utf8), file: file) }
        let local = existing.flatMap { FieldTable.agent.requestBody($0).objectValue }
        if let existingText, !options.force {
            let entry = state[options.environment, file]
            if local == nil {
                return FileResult(file: file, agentID: id, change: .keptLocalEdits("it is not valid YAML"), before: existingText, after: nil)
            }
            if let entry, local != entry.base {
                return FileResult(file: file, agentID: id,
                                  change: .keptLocalEdits("it has local edits since the last sync"), before: existingText, after: nil)
            }
        }
        let content = AgentFileContent.fromRemote(remote, stated: local, full: options.full)
        let text = AgentFileContent.yamlText(content, file: file)
        let change: Change = existingText == nil ? .new : (existingText == text ? .unchanged : .updated)
        if !options.dryRun {
            if change != .unchanged {
                do { try AtomicFile.write(text, to: file) } catch {
                    return FileResult(file: file, agentID: id, change: .failed("\(error)"), before: existingText, after: text)
                }
            }
            // The base is what the written file reads back as, so the next diff starts from exactly it.
            let written = (try? AgentDocument.parse(bytes: Array(text.utf8), file: file)).flatMap { FieldTable.agent.requestBody($0).objectValue }
            state[options.environment, file] = SyncState.Entry(
                agentID: id, remoteUpdatedAt: remote["metadata"]?["updated_at_unix_secs"]?.numberValue, base: written ?? content)
        }
        return FileResult(file: file, agentID: id, change: change, before: existingText, after: text)
    }
}
