import ConfigModel
import Remote

extension PullReport {
    /// `[{file, agent_id, change, conflicts: [{path, file, live}], drift: [{path, placeholder, origin, secret, file, live}]}]`,
    /// one object per agent pulled; a value that looks like a credential, or came from a secret variable, is hidden.
    static func json(_ results: [Puller.FileResult]) -> String {
        let items = results.map { result -> JSONValue in
            var object = JSONObject([("file", .string(result.file)), ("agent_id", .string(result.id)),
                                     ("change", .string(name(result.change)))])
            if case .keptLocalEdits(let reason) = result.change { object["reason"] = .string(reason) }
            if case .failed(let reason) = result.change { object["reason"] = .string(reason) }
            object["conflicts"] = .array(result.conflicts.map { conflict in
                .object(JSONObject([("path", .string(conflict.dottedPath)), ("file", value(conflict.ours, path: conflict.path)),
                                    ("live", value(conflict.theirs, path: conflict.path))]))
            })
            object["drift"] = .array(result.drift.map { drift in
                let hidden = drift.drift.secret
                return .object(JSONObject([("path", .string(drift.dottedPath)), ("placeholder", .string(drift.drift.placeholder)),
                                           ("origin", .string(drift.drift.origin)), ("secret", .bool(hidden)),
                                           ("file", hidden ? .string(Variables.hidden) : value(drift.drift.resolved, path: drift.path)),
                                           ("live", hidden ? .string(Variables.hidden) : value(drift.drift.remote, path: drift.path))]))
            })
            return .object(object)
        }
        return JSONText.encode(.array(items), pretty: true, numbers: .shortest) + "\n"
    }

    private static func name(_ change: Puller.Change) -> String {
        switch change {
        case .new: "new"
        case .updated: "updated"
        case .unchanged: "unchanged"
        case .keptLocalEdits: "kept"
        case .deletedRemotely(let removed): removed ? "deleted_remotely_removed" : "deleted_remotely"
        case .failed: "failed"
        }
    }

    private static func value(_ value: JSONValue?, path: [String]) -> JSONValue {
        guard let value else { return .null }
        return SecretMask.isSecret(path) ? .string(Variables.hidden) : value
    }
}
