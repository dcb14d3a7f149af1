// Typed views of an agent file. Property names are the API's own snake_case field names, so what a user reads in
// the vendor's reference, in their YAML and here is one and the same word. Every property is optional: a file
// states only what the user chose, and the API keeps the rest.

/// An agent file: the body of a create request, as the user keeps it in Git.
public struct AgentDefinition: Decodable, Sendable {
    public init() {}

    public var name: String?
    public var tags: [String]?
    public var conversation_config: ConversationConfig?
}

/// `conversation_config`. A section that does not decode (a wrong type, a bad enum value) is left nil here:
/// validation reports it at its line, and the other sections stay usable.
public struct ConversationConfig: Decodable, Sendable {
    public var agent: AgentConfig?
    public var tts: TTSConfig?
    public var asr: ASRConfig?
    public var turn: TurnConfig?
    public var conversation: ConversationSettings?
    public var vad: VADConfig?
    public var language_presets: [String: LanguagePreset]?

    public init(agent: AgentConfig? = nil, tts: TTSConfig? = nil, turn: TurnConfig? = nil,
                conversation: ConversationSettings? = nil) {
        self.agent = agent
        self.tts = tts
        self.turn = turn
        self.conversation = conversation
    }

    enum CodingKeys: String, CodingKey {
        case agent, tts, asr, turn, conversation, vad, language_presets
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        agent = try? container.decodeIfPresent(AgentConfig.self, forKey: .agent)
        tts = try? container.decodeIfPresent(TTSConfig.self, forKey: .tts)
        asr = try? container.decodeIfPresent(ASRConfig.self, forKey: .asr)
        turn = try? container.decodeIfPresent(TurnConfig.self, forKey: .turn)
        conversation = try? container.decodeIfPresent(ConversationSettings.self, forKey: .conversation)
        vad = try? container.decodeIfPresent(VADConfig.self, forKey: .vad)
        language_presets = try? container.decodeIfPresent([String: LanguagePreset].self, forKey: .language_presets)
    }
}

/// `conversation_config.agent`.
public struct AgentConfig: Decodable, Sendable {
    public var first_message: String?
    public var language: String?
    public var hinglish_mode: Bool?
    public var disable_first_message_interruptions: Bool?
    public var max_conversation_duration_message: String?
    public var prompt: PromptConfig?

    public init(first_message: String? = nil, disable_first_message_interruptions: Bool? = nil,
                max_conversation_duration_message: String? = nil) {
        self.first_message = first_message
        self.disable_first_message_interruptions = disable_first_message_interruptions
        self.max_conversation_duration_message = max_conversation_duration_message
    }
}

/// `conversation_config.agent.prompt`.
public struct PromptConfig: Decodable, Sendable {
    public var prompt: String?
    public var llm: String?
    public var reasoning_effort: String?
    public var thinking_budget: Int?
    public var temperature: Double?
    public var max_tokens: Int?
    public var tool_ids: [String]?
    public var mcp_server_ids: [String]?
    public var native_mcp_server_ids: [String]?
    public var ignore_default_personality: Bool?
    public var timezone: String?
    public var cascade_timeout_seconds: Double?
}

/// One entry of `conversation_config.language_presets`; its overrides stay untyped and are sent unchanged.
public struct LanguagePreset: Decodable, Sendable {
    public var first_message_translation: LanguagePresetTranslation?
    public var soft_timeout_translation: LanguagePresetTranslation?
}

public struct LanguagePresetTranslation: Decodable, Sendable {
    public var source_hash: String?
    public var text: String?
}
