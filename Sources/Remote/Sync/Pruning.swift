import Foundation

/// Deleting live agents is explicit: only agents tracked in agentctl.lock (so created or pulled by agentctl)
/// whose file is gone are candidates.
public enum Pruning {
    public struct Candidate: Sendable, Equatable {
        public let file: String
        public let agentID: String
    }

    public static func candidates(state: SyncState, environment: String) -> [Candidate] {
        state.entries(in: environment)
            .filter { !FileManager.default.fileExists(atPath: $0.key) }
            .map { Candidate(file: $0.key, agentID: $0.value.agentID) }
            .sorted { $0.file < $1.file }
    }

    public static func describe(_ candidates: [Candidate]) -> String {
        guard !candidates.isEmpty else { return "" }
        return candidates.map { "- \($0.file)  (live agent \($0.agentID) will be deleted: its file was removed)\n" }.joined()
            + "\(candidates.count) agent\(candidates.count == 1 ? "" : "s") to delete\n"
    }

    /// Deletes each candidate and forgets it in `state`; returns why each one that could not be deleted was not.
    public static func delete(_ candidates: [Candidate], service: any AgentsService, environment: String,
                              state: inout SyncState) async -> [String] {
        var failures: [String] = []
        for candidate in candidates {
            do {
                try await service.delete(id: candidate.agentID)
                state[environment, candidate.file] = nil
            } catch {
                failures.append("could not delete \(candidate.agentID) (\(candidate.file)): \(error)")
            }
        }
        return failures
    }
}
