import ConfigModel

/// Applies plans to live agents: creates new ones, patches only changed fields, reads every write back.
public struct Pusher: Sendable {
    public enum Outcome: Sendable {
        case created(id: String)
        case updated(fields: Int)
        case unchanged
        /// Not sent: the live agent changed since the last sync on fields this push would set.
        case refused([FieldChange])
        case rejected([Diagnostic])
        case failed(String)

        public var succeeded: Bool {
            switch self {
            case .created, .updated, .unchanged: return true
            case .refused, .rejected, .failed: return false
            }
        }
    }

    let service: any AgentsService

    public init(service: any AgentsService) { self.service = service }

    /// Pushes every plan, `concurrency` agents at a time; records in `state` exactly the agents that succeeded.
    public func push(_ plans: [PlannedAgent], environment: String, force: Bool, concurrency: Int,
                     state: inout SyncState) async -> [(file: String, outcome: Outcome)] {
        let pushOne: @Sendable (Int) async -> (Int, Outcome, SyncState.Entry?) = { index in
            let (outcome, entry) = await push(plans[index], force: force)
            return (index, outcome, entry)
        }
        let results = await withTaskGroup(of: (Int, Outcome, SyncState.Entry?).self) { group in
            var pending = plans.indices.makeIterator()
            for _ in 0..<max(1, concurrency) {
                guard let index = pending.next() else { break }
                group.addTask { await pushOne(index) }
            }
            var results = [(Outcome, SyncState.Entry?)?](repeating: nil, count: plans.count)
            while let (index, outcome, entry) = await group.next() {
                results[index] = (outcome, entry)
                if let next = pending.next() { group.addTask { await pushOne(next) } }
            }
            return results.map { $0! }
        }
        var report: [(String, Outcome)] = []
        for (plan, (outcome, entry)) in zip(plans, results) {
            if let entry { state[environment, plan.file] = entry }
            report.append((plan.file, outcome))
        }
        return report
    }

    private func push(_ plan: PlannedAgent, force: Bool) async -> (Outcome, SyncState.Entry?) {
        let comparison = plan.comparison
        do {
            guard let id = comparison.agentID else {
                let id = try await service.create(plan.local)
                let stored = try await service.agent(id: id)
                let entry = SyncState.Entry(agentID: id, remoteUpdatedAt: updatedAt(stored), base: plan.local)
                if let failure = readBackFailure(sent: plan.local, stored: stored) { return (.failed(failure), entry) }
                return (.created(id: id), entry)
            }
            let conflicts = comparison.changes.filter { $0.kind == .conflict }
            if !conflicts.isEmpty && !force { return (.refused(conflicts), nil) }
            let sending = force ? comparison.changes : comparison.outgoing
            guard !sending.isEmpty else { return (.unchanged, nil) }
            let patch = PatchBody.make(sending)
            try await service.update(id: id, patch)
            let stored = try await service.agent(id: id)
            let entry = SyncState.Entry(agentID: id, remoteUpdatedAt: updatedAt(stored), base: plan.local)
            if let failure = readBackFailure(sent: patch, stored: stored) { return (.failed(failure), nil) }
            return (.updated(fields: sending.count), entry)
        } catch let rejected as RejectedByAPI {
            return (.rejected(rejected.diagnostics(in: plan.document)), nil)
        } catch {
            return (.failed("\(error)"), nil)
        }
    }

    private func updatedAt(_ agent: JSONObject) -> Double? {
        agent["metadata"]?["updated_at_unix_secs"]?.numberValue
    }

    /// A field the API silently dropped or rewrote is an error, not hidden.
    private func readBackFailure(sent: JSONObject, stored: JSONObject) -> String? {
        let missing = PatchBody.notStored(sent: sent, readBack: stored)
        guard !missing.isEmpty else { return nil }
        return "the API did not store what was sent: " + missing.map { item in
            "\(item.path.joined(separator: ".")) sent \(PlanRendering.inline(item.sent)), stored "
                + (item.stored.map(PlanRendering.inline) ?? "nothing")
        }.joined(separator: "; ")
    }
}
