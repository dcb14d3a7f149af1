import ConfigModel
import Foundation

/// `agentctl.lock`: per environment and agent file, the live agent's ID and what both sides agreed on at the last
/// pull or push. Committed to Git; written atomically with sorted keys so its diffs are readable.
public struct SyncState: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var agentID: String
        /// The live agent's `metadata.updated_at_unix_secs` when last synced: a change means someone edited it since.
        public var remoteUpdatedAt: Double?
        /// The file's content (as the API's JSON) when last synced: the base of three-way comparisons.
        public var base: JSONObject

        public init(agentID: String, remoteUpdatedAt: Double?, base: JSONObject) {
            self.agentID = agentID
            self.remoteUpdatedAt = remoteUpdatedAt
            self.base = base
        }
    }

    public static let fileName = "agentctl.lock"
    private static let formatVersion = 1.0

    /// environment -> agent file path -> entry
    public var environments: [String: [String: Entry]] = [:]

    public init() {}

    public subscript(environment: String, file: String) -> Entry? {
        get { environments[environment]?[file] }
        set { environments[environment, default: [:]][file] = newValue }
    }

    public func entries(in environment: String) -> [String: Entry] { environments[environment] ?? [:] }

    /// The tracked file for an agent ID in an environment, if any.
    public func file(forAgent id: String, in environment: String) -> String? {
        entries(in: environment).first(where: { $0.value.agentID == id })?.key
    }

    public static func load(path: String = fileName) throws(Diagnostic) -> SyncState {
        guard FileManager.default.fileExists(atPath: path) else { return SyncState() }
        let bytes = try AgentDocument.readBytes(path: path)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw Diagnostic.error(.stateFile, "the state file is not valid JSON (\(error.message) at byte \(error.offset)); "
                + "restore it from Git", at: SourceMark(file: path, line: 1, column: 1))
        }
        var state = SyncState()
        for (environment, files) in json["environments"]?.objectValue ?? JSONObject() {
            for (file, entry) in files.objectValue ?? JSONObject() {
                guard let id = entry["agent_id"]?.stringValue else {
                    throw Diagnostic.error(.stateFile, "entry \(environment)/\(file) has no agent_id", at: SourceMark(file: path, line: 1, column: 1))
                }
                state[environment, file] = Entry(agentID: id, remoteUpdatedAt: entry["remote_updated_at"]?.numberValue,
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
                var object = JSONObject([("agent_id", .string(entry.agentID))])
                object["remote_updated_at"] = entry.remoteUpdatedAt.map { .number(JSONNumber($0)) }
                object["base"] = .object(entry.base)
                filesObject[file] = .object(object)
            }
            environmentsObject[environment] = .object(filesObject)
        }
        let root = JSONObject([("version", .number(JSONNumber(Self.formatVersion))), ("environments", .object(environmentsObject))])
        return JSONText.encode(.object(root), pretty: true, numbers: .shortest) + "\n"
    }

    public func save(path: String = fileName) throws(AtomicFile.WriteError) {
        try AtomicFile.write(text(), to: path)
    }
}
