import ConfigModel

/// Applies plans to a resource's live items: creates new ones, updates only changed fields, reads every write back.
public struct Pusher: Sendable {
    public enum Outcome: Sendable {
        case created(id: String)
        case updated(fields: Int)
        case unchanged
        /// Not sent: the live item changed since the last sync on fields this push would set.
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

    let resource: Resource
    let service: any ResourceService

    public init(_ resource: Resource, service: any ResourceService) {
        self.resource = resource
        self.service = service
    }

    /// Pushes every plan, `concurrency` at a time; records in `state` exactly the ones that succeeded, each as soon
    /// as it does, and tells `recorded` so the caller can save (a create not saved would be made again by a rerun).
    /// `finished` is told each file's outcome as soon as it is known (after it is recorded). Each file is read again
    /// (`reading`) while it is pushed, and sent only if it still holds the content planned.
    public func push(_ plans: [PlannedFile], reading: @escaping @Sendable (String) -> AgentDocument?,
                     environment: String, force: Bool, concurrency: Int,
                     state: inout SyncState, recorded: (SyncState) -> Void = { _ in },
                     finished: (String, Outcome) -> Void = { _, _ in }) async -> [(file: String, outcome: Outcome)] {
        let snapshot = state
        let references = ReferenceMap(state: state, environment: environment)
        let results = await plans.boundedMap(limit: concurrency, finished: { (_, result: (String, Outcome, SyncState.Entry?)) in
            if let entry = result.2 {
                state[environment, result.0] = entry
                recorded(state)
                snapshot.pendingCreates.end(result.0, environment: environment)
            }
            finished(result.0, result.1)
        }) { [self] plan in
            guard plan.comparison.hasChanges else { return (plan.file, .unchanged, nil) }
            guard let document = reading(plan.file),
                  case let local = resource.schema.requestBody(document) ?? JSONObject(),
                  ContentHash.of(local) == plan.contentHash else { return (plan.file, .failed(Planner.changedFile), nil) }
            let (outcome, entry) = await push(plan, document: document, local: local, force: force,
                                              environment: environment, state: snapshot, references: references)
            return (plan.file, outcome, entry)
        }
        return results.map { ($0.0, $0.1) }
    }

    private func push(_ plan: PlannedFile, document: AgentDocument, local: JSONObject, force: Bool, environment: String,
                      state: SyncState, references: ReferenceMap) async -> (Outcome, SyncState.Entry?) {
        let comparison = plan.comparison
        do {
            guard let id = comparison.id else {
                let body = try references.resolving(local, fields: resource.references)
                try state.pendingCreates.begin(plan.file, environment: environment)
                let id = try await service.create(resource, body)
                let stored = try await service.get(resource, id: id)
                let entry = try state.synced(resource, id: id, remote: stored, file: local,
                                             secretPaths: plan.secretPaths)
                if let failure = readBackFailure(sent: body, stored: stored) { return (.failed(failure), entry) }
                return (.created(id: id), entry)
            }
            let conflicts = comparison.changes.filter { $0.kind == .conflict }
            if !conflicts.isEmpty && !force { return (.refused(conflicts), nil) }
            let sending = force ? comparison.changes : comparison.outgoing
            guard !sending.isEmpty else { return (.unchanged, nil) }
            let body = try references.resolving(resource.updateBody(sending, local), fields: resource.references)
            try await service.update(resource, id: id, body)
            let stored = try await service.get(resource, id: id)
            let entry = try state.synced(resource, id: id, remote: stored, file: local,
                                         secretPaths: plan.secretPaths)
            if let failure = readBackFailure(sent: body, stored: stored) { return (.failed(failure), nil) }
            return (.updated(fields: sending.count), entry)
        } catch let rejected as RejectedByAPI {
            state.pendingCreates.end(plan.file, environment: environment)
            return (.rejected(rejected.diagnostics(in: document)), nil)
        } catch {
            return (.failed("\(error)"), nil)
        }
    }

    /// A field the API silently dropped or rewrote is an error, not hidden.
    private func readBackFailure(sent: JSONObject, stored: JSONObject) -> String? {
        let stored = ListItems.trimmed(stored, stated: sent, defaults: resource.schema.defaultValue)
        let missing = PatchBody.notStored(sent: sent, readBack: stored, defaults: resource.schema.defaultValue)
        guard !missing.isEmpty else { return nil }
        return "the API did not store what was sent: " + missing.map { item in
            "\(item.path.joined(separator: ".")) sent \(PlanRendering.inline(item.sent)), stored "
                + (item.stored.map(PlanRendering.inline) ?? "nothing")
        }.joined(separator: "; ")
    }
}
