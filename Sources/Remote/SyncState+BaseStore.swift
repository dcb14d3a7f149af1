import ConfigModel
import Foundation
import Synchronization

/// What both sides agreed on at each sync, kept beside `agentctl.lock` in `.agentctl/bases/<sha256>.json` and out of
/// Git (the folder ignores itself), so the lock stays a short list of IDs, versions and hashes. A base is named by its
/// hash: a stale or missing one (a fresh clone, another branch) is simply not found, and the comparison falls back
/// to what the lock's hashes and versions still prove (see `Planner`).
public final class BaseStore: Sendable {
    public static let folder = ".agentctl/bases"
    /// Nil keeps bases in memory only (a state that is never saved).
    let directory: String?
    private let held = Mutex<[String: JSONObject]>([:])

    public init(directory: String?) { self.directory = directory }

    /// Keeps a base; returns its hash (the lock's `base_sha256`).
    @discardableResult
    public func keep(_ base: JSONObject) throws(AtomicFile.WriteError) -> String {
        let hash = ContentHash.of(base)
        guard let directory else {
            held.withLock { $0[hash] = base }
            return hash
        }
        let path = "\(directory)/\(hash).json"
        guard !FileManager.default.fileExists(atPath: path) else { return hash }
        try ignoreItself()
        // Not flushed to disk: a base cut short by a crash is not valid JSON, and is simply not found.
        try AtomicFile.write(JSONText.encode(.object(base), sortedKeys: true, numbers: .shortest), to: path, durable: false)
        return hash
    }

    /// The base with this hash, or nil when this copy of the repository does not have it (or it was cut short).
    public func base(_ hash: String) -> JSONObject? {
        if let base = held.withLock({ $0[hash] }) { return base }
        guard let directory, let bytes = FileManager.default.contents(atPath: "\(directory)/\(hash).json") else { return nil }
        return (try? JSONParser.parse(Array(bytes)))?.objectValue
    }

    /// Keeps a base in memory until `collect` (a lock being migrated on read: reading writes nothing).
    public func hold(_ base: JSONObject) -> String {
        let hash = ContentHash.of(base)
        held.withLock { $0[hash] = base }
        return hash
    }

    /// Writes the bases held in memory, removes those no entry names any more and temporary files of killed writes.
    public func collect(keeping hashes: Set<String>) throws(AtomicFile.WriteError) {
        guard let directory else { return }
        for (hash, base) in held.withLock({ $0 }) where hashes.contains(hash) {
            try ignoreItself()
            try AtomicFile.write(JSONText.encode(.object(base), sortedKeys: true, numbers: .shortest), to: "\(directory)/\(hash).json",
                                 durable: false)
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasSuffix(".json") && !hashes.contains(String(name.dropLast(5))) {
            try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
        }
        AtomicFile.removeLeftovers(in: directory)
    }

    /// The store's parent folder (`.agentctl`) is never committed: it holds copies of whole agents.
    private func ignoreItself() throws(AtomicFile.WriteError) {
        guard let directory else { return }
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        let ignore = "\(parent)/.gitignore"
        if !FileManager.default.fileExists(atPath: ignore) {
            try AtomicFile.write("# agentctl's local sync bases: rebuilt by pull, never committed\n*\n", to: ignore)
        }
    }
}
