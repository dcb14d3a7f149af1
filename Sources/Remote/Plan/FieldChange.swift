import ConfigModel

/// One field whose value differs between a file and its live resource, and who changed it.
public struct FieldChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A field of a resource that does not exist yet.
        case create
        /// You changed it in the file (or nothing is known of the last sync).
        case change
        /// Someone changed the live resource since the last sync; the file still has the synced value.
        case drift
        /// Both the file and the live resource changed it since the last sync.
        case conflict
    }

    public let path: [String]
    public let before: JSONValue?
    public let after: JSONValue
    public let kind: Kind

    public var dottedPath: String { path.joined(separator: ".") }
}

/// A file set against its live resource: what a push would send, and what it would overwrite.
public struct FileComparison: Sendable {
    public let file: String
    public let id: String?
    public let changes: [FieldChange]
    public let unchangedCount: Int

    public var isCreate: Bool { id == nil }
    public var hasChanges: Bool { isCreate || !changes.isEmpty }
    /// Changes a push would make to the live resource (drift is not sent: the file agrees with the last sync).
    public var outgoing: [FieldChange] { changes.filter { $0.kind != .drift } }
    /// Fields where pushing would overwrite someone else's edit on the live resource.
    public var overwrites: [FieldChange] { changes.filter { $0.kind == .drift || $0.kind == .conflict } }

    /// Compares what the file states (PATCH keeps the rest), numbers by value; a live value missing from the
    /// response counts as the field's documented default (`defaults`, from the resource's schema). With the base of
    /// the last sync, a field the file leaves out that changed on the live resource since is drift too. Without a
    /// base (never synced, or not on this machine), a difference is a change, or a conflict when `remoteChanged`.
    /// `unbased` names fields whose synced value is never kept (secret variables): against a base, a difference
    /// there is a change.
    public init(file: String, local: JSONObject, remote: JSONObject?, base: JSONObject?, id: String?,
                defaults: ([String]) -> JSONValue?, remoteChanged: Bool = false, unbased: [[String]] = []) {
        self.file = file
        self.id = id
        var changes: [FieldChange] = []
        var unchanged = 0
        for (path, value) in Self.leaves(of: local) {
            guard let remote else {
                changes.append(FieldChange(path: path, before: nil, after: value, kind: .create))
                continue
            }
            let live = remote.value(at: path) ?? defaults(path)
            if live == value {
                unchanged += 1
                continue
            }
            let kind: FieldChange.Kind
            if let base, !unbased.overlaps(path) {
                let agreed = base.value(at: path) ?? defaults(path)
                kind = agreed == live ? .change : (agreed == value ? .drift : .conflict)
            } else {
                kind = base == nil && remoteChanged ? .conflict : .change
            }
            changes.append(FieldChange(path: path, before: live, after: value, kind: kind))
        }
        if let remote, let base {
            changes += Self.unstatedDrift(local: local.isEmpty ? nil : .object(local), remote: .object(remote), base: .object(base), path: [],
                                          defaults: defaults)
        }
        self.changes = changes
        self.unchangedCount = unchanged
    }

    /// Fields the file leaves out whose live value moved away from the synced one: drift, which `push --force` reverts.
    /// A value pull would leave out (null, empty, or the default) is the same as no value. Walks both trees at once
    /// and skips every subtree that did not change, so an agent in sync costs one comparison.
    private static func unstatedDrift(local: JSONValue?, remote: JSONValue?, base: JSONValue?, path: [String],
                                      defaults: ([String]) -> JSONValue?) -> [FieldChange] {
        // The file states this value (a scalar or a list): the comparison of stated fields covers it.
        if let local, !isObject(local) { return [] }
        guard remote != base else { return [] }
        if isObject(remote) || isObject(base) {
            let keys = (remote?.objectValue?.keys ?? []) + (base?.objectValue?.keys ?? []).filter { remote?[$0] == nil }
            return keys.flatMap { key in
                unstatedDrift(local: local?[key], remote: remote?[key], base: base?[key], path: path + [key], defaults: defaults)
            }
        }
        let fallback = defaults(path)
        guard !(isOmitted(remote, default: fallback) && isOmitted(base, default: fallback)) else { return [] }
        return [FieldChange(path: path, before: remote ?? fallback, after: base ?? fallback ?? .null, kind: .drift)]
    }

    private static func isObject(_ value: JSONValue?) -> Bool {
        if case .object(let object)? = value { return !object.isEmpty }
        return false
    }

    private static func isOmitted(_ value: JSONValue?, default fallback: JSONValue?) -> Bool {
        switch value {
        case nil, .null?, .array([])?, .object(JSONObject())?: return true
        default: return value == fallback
        }
    }

    /// Scalars and lists are leaves; objects are walked (an empty object is a leaf, so setting `{}` is seen).
    static func leaves(of object: JSONObject, prefix: [String] = []) -> [([String], JSONValue)] {
        var result: [([String], JSONValue)] = []
        for (key, value) in object {
            if case .object(let child) = value, !child.isEmpty {
                result += leaves(of: child, prefix: prefix + [key])
            } else {
                result.append((prefix + [key], value))
            }
        }
        return result
    }
}
