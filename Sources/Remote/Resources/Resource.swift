import ConfigModel

/// One kind of thing agentctl keeps as files (agents, tools, tests): everything the sync engine needs to
/// know about it, so the planner, puller, pusher and pruning are written once for all of them.
public struct Resource: Sendable, Equatable {
    /// The singular noun: the lock's `kind`, the lock's ID key (`agent_id`) and the word in messages.
    public let kind: String
    public let plural: String
    /// The folder new files go to (for agents, `agents_dir` in agentctl.yaml may move it).
    public let folder: String
    public let endpoints: ResourceEndpoints
    public let schema: ResourceSchema
    /// The update request for the fields that change: agents take a partial merge; a resource whose update
    /// replaces a whole section (the tools' `tool_config`) builds that section from the file's full body.
    public let updateBody: @Sendable (_ changes: [FieldChange], _ local: JSONObject) -> JSONObject
    /// The live resource's last-modified stamp: a change since the last sync is someone else's edit.
    public let remoteVersion: @Sendable (JSONObject) -> Double?
    /// The live resource as pull writes it to a file (at that path): secrets a file must never hold replaced by
    /// `${VAR}` placeholders.
    public let withoutSecrets: @Sendable (_ remote: JSONObject, _ file: String) -> JSONObject

    public init(kind: String, plural: String, folder: String, endpoints: ResourceEndpoints, schema: ResourceSchema,
                updateBody: @escaping @Sendable ([FieldChange], JSONObject) -> JSONObject,
                remoteVersion: @escaping @Sendable (JSONObject) -> Double?,
                withoutSecrets: @escaping @Sendable (JSONObject, String) -> JSONObject = { remote, _ in remote }) {
        self.kind = kind
        self.plural = plural
        self.folder = folder
        self.endpoints = endpoints
        self.schema = schema
        self.updateBody = updateBody
        self.remoteVersion = remoteVersion
        self.withoutSecrets = withoutSecrets
    }

    /// The key that holds this resource's ID in the lock.
    public var lockIDKey: String { kind + "_id" }

    /// `1 agent`, `2 agents`.
    public func count(_ number: Int) -> String { "\(number) \(number == 1 ? kind : plural)" }

    /// Every resource agentctl syncs, in the order a push sends them (a resource before those that name it); the
    /// lock accepts exactly these kinds.
    public static let all: [Resource] = [.tools, .tests, .agents]

    public static func named(_ kind: String) -> Resource? { all.first { $0.kind == kind } }

    /// A resource is its kind: there is one description per kind.
    public static func == (lhs: Resource, rhs: Resource) -> Bool { lhs.kind == rhs.kind }
}

/// Where a resource lives in the REST API. Lists are pages of `{<listKey>: [...], has_more, next_cursor}`.
public struct ResourceEndpoints: Sendable {
    /// `GET` lists; `GET`, the update method and `DELETE` on `collection/{id}` act on one.
    public let collection: String
    /// `POST` creates; the answer holds the new ID under `idKey`.
    public let create: String
    /// `PATCH` merges what is sent; `PUT` replaces.
    public let updateMethod: String
    public let listKey: String
    /// The ID's key in list items and create answers.
    public let idKey: String
    /// Where the name is in a list item (`["name"]`; tools: `["tool_config", "name"]`).
    public let namePath: [String]
    /// Whether a list item's other documented members have their types: one that does not makes the page unreadable.
    public let isWellTypedItem: @Sendable (JSONValue) -> Bool

    public init(collection: String, create: String, updateMethod: String, listKey: String, idKey: String,
                namePath: [String], isWellTypedItem: @escaping @Sendable (JSONValue) -> Bool) {
        self.collection = collection
        self.create = create
        self.updateMethod = updateMethod
        self.listKey = listKey
        self.idKey = idKey
        self.namePath = namePath
        self.isWellTypedItem = isWellTypedItem
    }
}

/// What the sync engine reads from a resource's schema (its generated field table).
public struct ResourceSchema: Sendable {
    /// The request body a file describes: every key written, scalars typed by their field; nil when the file
    /// is not a mapping.
    public let requestBody: @Sendable (AgentDocument) -> JSONObject?
    /// The documented default at a path: a value the API leaves out of an answer means it.
    public let defaultValue: @Sendable ([String]) -> JSONValue?
    /// The top-level keys a file holds (those of a create request), in the order they are written: the rest of
    /// an answer is the server's.
    public let fileKeys: [String]
    /// The rank of a key below the top level in a written file, given the path of the object holding it (a list
    /// item adds a nil key); nil puts it after the known keys, alphabetically.
    public let rank: @Sendable (_ parent: [String?], _ key: String) -> Int?
    /// The first line of a written file at a path (the modeline that lets editors check it).
    public let fileHeader: @Sendable (String) -> String
    /// Where a live item read from the API has a field of the wrong type ("name is a number (42), not text"):
    /// such an answer is an error for that item, never a file.
    public let answerProblems: @Sendable (JSONObject) -> [String]

    public init(requestBody: @escaping @Sendable (AgentDocument) -> JSONObject?,
                defaultValue: @escaping @Sendable ([String]) -> JSONValue?, fileKeys: [String],
                rank: @escaping @Sendable ([String?], String) -> Int?, fileHeader: @escaping @Sendable (String) -> String,
                answerProblems: @escaping @Sendable (JSONObject) -> [String] = { _ in [] }) {
        self.requestBody = requestBody
        self.defaultValue = defaultValue
        self.fileKeys = fileKeys
        self.rank = rank
        self.fileHeader = fileHeader
        self.answerProblems = answerProblems
    }
}
