import AgentSchema
import ConfigModel
import Foundation

/// An agent file read and set against its live agent: the input of diff, push and status.
public struct PlannedAgent: Sendable {
    public let file: String
    public let document: AgentDocument
    /// The request body the file describes: every key written, scalars typed by their field.
    public let local: JSONObject
    public let remote: JSONObject?
    public let comparison: AgentComparison

    public var agentID: String? { comparison.agentID }
}

/// Reads agent files and their live agents (concurrently, within the client's bound) into comparisons.
public struct Planner: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let message: String
        public var description: String { "\(file): \(message)" }
    }

    let service: any AgentsService

    public init(service: any AgentsService) { self.service = service }

    /// One result per file, in the order given: a plan, or why there is none (the live agent could not be read).
    public func plan(_ documents: [AgentDocument], environment: String, state: SyncState, concurrency: Int)
        async -> [Result<PlannedAgent, Failure>] {
        let planOne: @Sendable (Int) async -> (Int, Result<PlannedAgent, Failure>) = { index in
            (index, await plan(documents[index], entry: state[environment, documents[index].file]))
        }
        return await withTaskGroup(of: (Int, Result<PlannedAgent, Failure>).self) { group in
            var pending = documents.indices.makeIterator()
            for _ in 0..<max(1, concurrency) {
                guard let index = pending.next() else { break }
                group.addTask { await planOne(index) }
            }
            var results = [Result<PlannedAgent, Failure>?](repeating: nil, count: documents.count)
            while let (index, result) = await group.next() {
                results[index] = result
                if let next = pending.next() { group.addTask { await planOne(next) } }
            }
            return results.map { $0! }
        }
    }

    private func plan(_ document: AgentDocument, entry: SyncState.Entry?) async -> Result<PlannedAgent, Failure> {
        let local = FieldTable.agent.requestBody(document).objectValue ?? JSONObject()
        guard let entry else {
            let comparison = AgentComparison(file: document.file, local: local, remote: nil, base: nil, agentID: nil)
            return .success(PlannedAgent(file: document.file, document: document, local: local, remote: nil, comparison: comparison))
        }
        do {
            let remote = try await service.agent(id: entry.agentID)
            let comparison = AgentComparison(file: document.file, local: local, remote: remote, base: entry.base,
                                             agentID: entry.agentID)
            return .success(PlannedAgent(file: document.file, document: document, local: local, remote: remote,
                                         comparison: comparison))
        } catch {
            return .failure(Failure(file: document.file, message: "cannot read live agent \(entry.agentID): \(error)"))
        }
    }
}
