import ConfigModel

/// A field whose file value is a `${NAME}` placeholder while the live value differs from what it resolves to: the
/// file keeps the placeholder (the variable's source is where to change it), and a secret is never shown or written.
public struct PlaceholderDrift: Sendable, Equatable {
    public let path: [String]
    public let drift: PlaceholderComparison.Drift

    public var dottedPath: String { path.joined(separator: ".") }
}

/// How pull brings a live item into a file that exists: read with its placeholders resolved, merged three ways
/// against the base of the last sync, and edited in place, so only the values that change are rewritten.
struct PullMerge {
    /// Why a file is not merged: `kept` it is left for the user (not YAML), `failed` it cannot be (an unset variable).
    enum Refusal: Error {
        case kept(String)
        case failed(String)
    }

    struct Outcome {
        /// The new text; the old one, byte for byte, when nothing changes.
        let text: String
        let changed: Bool
        let conflicts: [ThreeWayMerge.Conflict]
        let drift: [PlaceholderDrift]
        /// False when a field is left differing from the live item (an open conflict, drift): the sync is not
        /// recorded, so the next pull finds the same difference against the same base.
        let settled: Bool
        /// The file's content were it to agree with the live item in every field: what the lock's file hash is of.
        let agreed: JSONObject
        let secretPaths: [[String]]
    }

    let resource: Resource
    let variables: Variables
    let full: Bool
    let side: ThreeWayMerge.Side?
    /// Known IDs of other resources written as their names (`tool:book`), as the file holds them.
    let naming: @Sendable (JSONObject) -> JSONObject

    func merge(bytes: [UInt8], file: String, remote: JSONObject, entry: SyncState.Entry?,
               state: SyncState) throws(Refusal) -> Outcome {
        let text = AgentDocument.text(of: bytes)
        guard let document = try? AgentDocument.parse(bytes: bytes, file: file) else { throw .kept("it is not valid YAML") }
        let resolution = VariableResolution(document.root, variables: variables)
        if !resolution.problems.isEmpty { throw .failed(resolution.problems.map(\.description).joined(separator: "; ")) }
        let resolved = AgentDocument(file: file, text: text, root: resolution.root, secretPaths: resolution.secretPaths)
        guard let ours = resource.schema.requestBody(resolved) else { throw .kept("it is not a mapping of fields") }
        let theirs = theirs(naming(remote), file: file, ours: ours, pinned: resolution.resolved.map(\.path))
        // A file that already agrees with the live item needs no base (read from disk for every other file).
        let base = ours == theirs ? nil : base(of: entry, remote: remote, ours: ours, theirs: theirs,
                                                        secretPaths: resolution.secretPaths, state: state)
        let pinned = resolution.resolved.map(\.path)
        let outcome = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs, pinned: pinned, taking: side)
        // Unmoved since the last sync, the live item cannot have drifted: a difference is the variables' edit.
        let version = resource.remoteVersion(remote)
        let liveMoved = entry == nil || version == nil || version != entry?.remoteUpdatedAt
        let drift = !liveMoved ? [] : resolution.resolved.compactMap { placeholder -> PlaceholderDrift? in
            let live = theirs.value(at: placeholder.path)
            // Changed in the variables since the last sync, the live value still the synced one: a local edit.
            if let base, !resolution.secretPaths.overlaps(placeholder.path),
               base.value(at: placeholder.path) == live { return nil }
            let local = ours.value(at: placeholder.path) ?? .null
            guard case .drift(let drift) = PlaceholderComparison.compare(placeholder, local: local, remote: live,
                                                                          variables: variables) else { return nil }
            return PlaceholderDrift(path: placeholder.path, drift: drift)
        }
        let edited = try edit(text, bytes: bytes, file: file, from: ours, to: outcome.merged)
        return Outcome(text: edited ?? text, changed: edited != nil, conflicts: outcome.conflicts, drift: drift,
                       settled: (outcome.conflicts.isEmpty || side != nil) && drift.isEmpty,
                       agreed: ours == theirs ? ours : agreed(theirs, file: file),
                       secretPaths: resolution.secretPaths)
    }

    /// The text with the merge applied in place, checked to read back as exactly the merged content; nil when
    /// nothing changes.
    private func edit(_ text: String, bytes: [UInt8], file: String, from ours: JSONObject,
                      to merged: JSONObject) throws(Refusal) -> String? {
        let changes = ThreeWayMerge.edits(from: ours, to: merged)
        guard !changes.isEmpty else { return nil }
        let edited: String
        do { edited = try YAMLEdit.apply(changes, to: text, file: file) } catch { throw .failed("\(error)") }
        let back = (try? AgentDocument.parse(bytes: Array(edited.utf8), file: file)).flatMap { document in
            resource.schema.requestBody(AgentDocument(file: file, text: edited,
                                                      root: VariableResolution(document.root, variables: variables).root))
        }
        guard back == merged else {
            throw .failed("the edited file would not read back as the merged \(resource.kind); nothing was written")
        }
        // A file that starts with a byte order mark keeps it.
        return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? "\u{FEFF}" + edited : edited
    }

    /// What both sides agreed on at the last sync, in the file's form: the stored base; where this machine does not
    /// have it, the live item when its version has not moved, or the file when its hash has not; else none.
    private func base(of entry: SyncState.Entry?, remote: JSONObject, ours: JSONObject, theirs: JSONObject,
                      secretPaths: [[String]], state: SyncState) -> JSONObject? {
        guard let entry else { return nil }
        if let stored = entry.baseHash.flatMap(state.bases.base) {
            return FileContent.fromRemote(naming(stored), stated: ours, full: full, schema: resource.schema)
        }
        if let version = resource.remoteVersion(remote), version == entry.remoteUpdatedAt { return theirs }
        return entry.fileMatches(ours, secretPaths: secretPaths) ? ours : nil
    }

    /// The live item in the file's form, with each secret the resource never writes (a webhook header's) as its
    /// `${VAR}` placeholder, except where the file's own placeholder stands: there the live value is compared.
    private func theirs(_ live: JSONObject, file: String, ours: JSONObject, pinned: [[String]]) -> JSONObject {
        let raw = FileContent.fromRemote(live, stated: ours, full: full, schema: resource.schema)
        var masked = FileContent.fromRemote(resource.withoutSecrets(live, file), stated: ours, full: full, schema: resource.schema)
        guard masked != raw else { return raw }
        for path in pinned { if let value = raw.value(at: path) { masked = masked.setting(value, at: path) } }
        return masked
    }

    /// The content as read back from the file pull would write for the live item alone.
    private func agreed(_ theirs: JSONObject, file: String) -> JSONObject {
        let text = FileContent.yamlText(theirs, file: file, schema: resource.schema)
        return (try? AgentDocument.parse(bytes: Array(text.utf8), file: file)).flatMap(resource.schema.requestBody) ?? theirs
    }
}
