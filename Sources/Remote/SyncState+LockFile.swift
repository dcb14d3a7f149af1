import ConfigModel
import Foundation

/// The `agentctl.lock` file: JSON, committed to Git, written atomically with sorted environments and files so its
/// diffs are readable. Format 2 gives each entry its resource `kind` and its ID under `<kind>_id`; format 1 (agents
/// only, no `kind`) is still read, and written back as format 2.
extension SyncState {
    public static let fileName = "agentctl.lock"
    static let formatVersion = 2

    public static func load(path: String = fileName) throws(Diagnostic) -> SyncState {
        guard FileManager.default.fileExists(atPath: path) else { return SyncState() }
        let bytes = try AgentDocument.readBytes(path: path)
        let start = SourceMark(file: path, line: 1, column: 1)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw Diagnostic.error(.stateFile, "the state file is not valid JSON (\(error.message) at byte \(error.offset)); "
                + "restore it from Git", at: start)
        }
        let version = json["version"]?.numberValue ?? 1
        guard version <= Double(formatVersion) else {
            throw Diagnostic.error(.stateFile, "the state file has format \(JSONText.number(version)), written by a newer agentctl; "
                + "upgrade agentctl", at: start)
        }
        var state = SyncState()
        for (environment, files) in json["environments"]?.objectValue ?? JSONObject() {
            for (file, entry) in files.objectValue ?? JSONObject() {
                // Format 1 tracked agents only and had no kind.
                let kind = version < 2 ? Resource.agents.kind : entry["kind"]?.stringValue ?? ""
                guard let resource = Resource.named(kind) else {
                    throw Diagnostic.error(.stateFile, "entry \(environment)/\(file) has an unknown kind `\(kind)`", at: start)
                }
                guard let id = entry[resource.lockIDKey]?.stringValue else {
                    throw Diagnostic.error(.stateFile, "entry \(environment)/\(file) has no \(resource.lockIDKey)", at: start)
                }
                state[environment, file] = Entry(resource, id: id, remoteUpdatedAt: entry["remote_updated_at"]?.numberValue,
                                                 base: entry["base"]?.objectValue ?? JSONObject())
            }
        }
        return state
    }

    public func text() -> String {
        var environmentsObject = JSONObject()
        for (environment, files) in environments.sorted(by: { $0.key < $1.key }) where !files.isEmpty {
            var filesObject = JSONObject()
            for (file, entry) in files.sorted(by: { $0.key < $1.key }) {
                var object = JSONObject([("kind", .string(entry.resource.kind)), (entry.resource.lockIDKey, .string(entry.id))])
                object["remote_updated_at"] = entry.remoteUpdatedAt.map { .number(JSONNumber($0)) }
                object["base"] = .object(entry.base)
                filesObject[file] = .object(object)
            }
            environmentsObject[environment] = .object(filesObject)
        }
        let root = JSONObject([("version", .number(JSONNumber(Self.formatVersion))),
                               ("environments", .object(environmentsObject))])
        return JSONText.encode(.object(root), pretty: true, numbers: .shortest) + "\n"
    }

    public func save(path: String = fileName) throws(AtomicFile.WriteError) {
        try AtomicFile.write(text(), to: path)
    }
}
