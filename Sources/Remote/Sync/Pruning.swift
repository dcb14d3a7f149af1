import ConfigModel
import Foundation

/// Deleting live items is explicit: only those tracked in agentctl.lock (so created or pulled by agentctl) whose
/// file is gone are candidates.
public enum Pruning {
    public struct Candidate: Sendable, Equatable {
        public let resource: Resource
        public let file: String
        public let id: String
    }

    /// Tracked items whose file is gone, except those whose content may live on in another file (`unsure`).
    public static func candidates(_ resource: Resource, state: SyncState, environment: String,
                                  unsure: Set<String> = []) -> [Candidate] {
        state.entries(of: resource, in: environment)
            .filter { !FileManager.default.fileExists(atPath: $0.key) && !unsure.contains($0.key) }
            .map { Candidate(resource: resource, file: $0.key, id: $0.value.id) }
            .sorted { $0.file < $1.file }
    }

    public static func describe(_ candidates: [Candidate]) -> String {
        guard !candidates.isEmpty else { return "" }
        let counts = Resource.all.compactMap { resource in
            let count = candidates.count { $0.resource == resource }
            return count == 0 ? nil : resource.count(count)
        }
        return candidates.map {
            "- \(VisibleText.escape($0.file))  (live \($0.resource.kind) \(VisibleText.escape($0.id)) will be deleted: its file was removed)\n"
        }
            .joined() + counts.joined(separator: ", ") + " to delete\n"
    }

    /// Deletes each candidate and forgets it in `state` (one already gone on the server is forgotten too); returns
    /// the ones deleted and why each other one was not.
    public static func delete(_ candidates: [Candidate], service: any ResourceService, environment: String,
                              state: inout SyncState) async -> (deleted: [Candidate], failures: [String]) {
        var deleted: [Candidate] = []
        var failures: [String] = []
        for candidate in candidates {
            do {
                try await service.delete(candidate.resource, id: candidate.id)
                deleted.append(candidate)
                state[environment, candidate.file] = nil
            } catch let gone as RemoteError where gone.kind == .notFound {
                state[environment, candidate.file] = nil
            } catch {
                failures.append("could not delete \(candidate.id) (\(candidate.file)): \(error)")
            }
        }
        return (deleted, failures)
    }
}
