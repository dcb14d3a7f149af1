import Foundation

/// The emulator's agents and the create / read / patch / delete rules of the real API.
public actor AgentStore {
    public enum Failure: Error, Equatable {
        case notFound
        case invalid([ValidationIssue])
    }

    var agents: [String: StoredAgent] = [:]
    /// Each agent's branches, main first, once one was asked for or created (AgentBranches.swift).
    var branches: [String: [StoredBranch]] = [:]
    var clock: LogicalClock
    var random: SeededGenerator
    let validator: RequestValidator
    let filler: DefaultsFiller
    let catalog: SchemaCatalog

    static let createBody = "Body_Create_Agent_v1_convai_agents_create_post"
    static let patchBody = "Body_Patches_an_Agent_settings_v1_convai_agents__agent_id__patch"
    static let conversationConfig = "ConversationalConfigAPIModel-Input"
    static let platformSettings = "AgentPlatformSettingsRequestModel"

    public init(catalog: SchemaCatalog, seed: UInt64, instance: String? = nil, frozenClock: Int? = nil) {
        self.catalog = catalog
        validator = RequestValidator(catalog: catalog)
        filler = DefaultsFiller(catalog: catalog)
        random = IDSpace(seed: seed, instance: instance).generator()
        clock = LogicalClock(frozenAt: frozenClock, wallClock: Self.wallClock)
    }

    static var wallClock: Int { Int(Date().timeIntervalSince1970) }

    public var count: Int { agents.count }

    public func create(_ body: JSONValue, createdAt: Int? = nil) throws(Failure) -> String {
        let (checked, issues) = validator.check(body, against: catalog.schema(named: Self.createBody), at: [.key("body")])
        guard issues.isEmpty else { throw .invalid(issues) }
        let now = createdAt ?? clock.tick(wallClock: Self.wallClock)
        let id = random.identifier(prefix: "agent_")
        agents[id] = StoredAgent(
            id: id,
            name: checked["name"]?.stringValue ?? "",
            tags: Self.strings(checked["tags"]),
            conversationConfig: checked["conversation_config"] ?? .object([:]),
            platformSettings: checked["platform_settings"].flatMap { $0 == .null ? nil : $0 } ?? .object([:]),
            workflow: checked["workflow"],
            createdAt: now,
            updatedAt: now,
            branchId: random.identifier(prefix: "agtbranch_"),
            versionId: random.identifier(prefix: "agtvrsn_")
        )
        return id
    }

    public func document(_ id: String) throws(Failure) -> JSONValue {
        guard let agent = agents[id] else { throw .notFound }
        return agent.document(filler: filler)
    }

    /// Deep-merges `conversation_config` and `platform_settings`; `name`, `tags` and `workflow` replace.
    public func patch(_ id: String, _ body: JSONValue) throws(Failure) -> JSONValue {
        guard let agent = agents[id] else { throw .notFound }
        let patched = try merged(agent, body)
        agents[id] = patched
        return patched.document(filler: filler)
    }

    /// The agent with a PATCH body applied, validated; a new version at the next tick of the clock.
    func merged(_ original: StoredAgent, _ body: JSONValue) throws(Failure) -> StoredAgent {
        var agent = original
        let (checked, bodyIssues) = validator.check(body, against: catalog.schema(named: Self.patchBody), at: [.key("body")])
        guard bodyIssues.isEmpty else { throw .invalid(bodyIssues) }
        var issues: [ValidationIssue] = []
        if case .object? = checked["conversation_config"] {
            let merged = agent.conversationConfig.merging(checked["conversation_config"]!)
            let (result, found) = validator.check(merged, against: catalog.schema(named: Self.conversationConfig),
                                                  at: [.key("body"), .key("conversation_config")])
            agent.conversationConfig = result
            issues += found
        }
        if case .object? = checked["platform_settings"] {
            let merged = agent.platformSettings.merging(checked["platform_settings"]!)
            let (result, found) = validator.check(merged, against: catalog.schema(named: Self.platformSettings),
                                                  at: [.key("body"), .key("platform_settings")])
            agent.platformSettings = result
            issues += found
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        if case .string(let name)? = checked["name"] { agent.name = name }
        if case .array? = checked["tags"] { agent.tags = Self.strings(checked["tags"]) }
        if case .object? = checked["workflow"] { agent.workflow = checked["workflow"] }
        agent.updatedAt = clock.tick(wallClock: Self.wallClock)
        agent.versionId = random.identifier(prefix: "agtvrsn_")
        return agent
    }

    public func delete(_ id: String) throws(Failure) {
        guard agents.removeValue(forKey: id) != nil else { throw .notFound }
        branches[id] = nil
    }

    func list(_ query: AgentListQuery) -> JSONValue {
        let voice = catalog.defaults["TTSConversationalConfig-Output"]?["voice_id"]?.stringValue ?? ""
        return query.page(of: Array(agents.values), defaultVoiceID: voice)
    }

    /// Creates `count` varied agents, oldest first, a minute apart, ending one minute before now.
    public func seed(count: Int) throws(Failure) {
        guard count > 0 else { return }
        let base = clock.base
        for index in 1...count {
            _ = try create(SeedAgents.body(index), createdAt: base - (count - index + 1) * 60)
        }
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let elements)? = value else { return [] }
        return elements.compactMap(\.stringValue)
    }
}
