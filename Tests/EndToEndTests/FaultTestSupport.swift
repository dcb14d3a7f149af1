import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// What fault tests read back: the project's files, the lock's entries.
enum ProjectFiles {
    /// Every file under `dir` (relative path -> contents), hidden ones included, so a stray temp file shows.
    static func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            var isDirectory: ObjCBool = false
            let url = dir.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    /// The lock's entries for the default environment: file -> agent ID.
    static func lockedIDs(_ dir: URL) throws -> [String: String] {
        let url = dir.appendingPathComponent("agentctl.lock")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let entries = (state?["environments"] as? [String: Any])?["default"] as? [String: [String: Any]] ?? [:]
        return entries.compactMapValues { $0["agent_id"] as? String }
    }

    static func agentFiles(_ dir: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("agents").path)) ?? []
        return names.map { "agents/\($0)" }.sorted()
    }
}
