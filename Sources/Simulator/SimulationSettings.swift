import AgentSchema

// Field names are the API's own (snake_case) so the typed agent model maps onto them one to one.

/// The agent settings that shape turn-taking, with the API's defaults (the field table's) for anything unset.
public struct SimulationSettings: Equatable, Sendable {
    /// `conversation_config.turn`
    public var turn: Turn
    /// `conversation_config.agent`
    public var agent: Agent
    /// `conversation_config.conversation`
    public var conversation: Conversation
    /// `conversation_config.tts`
    public var tts: TTS

    public init(turn: Turn = Turn(), agent: Agent = Agent(), conversation: Conversation = Conversation(), tts: TTS = TTS()) {
        self.turn = turn
        self.agent = agent
        self.conversation = conversation
        self.tts = tts
    }

    /// `TurnConfig`
    public struct Turn: Equatable, Sendable {
        public var turn_timeout = TurnConfig.Default.turn_timeout
        /// nil: "If not set, uses the regular turn_timeout."
        public var initial_wait_time: Double?
        public var silence_end_call_timeout = TurnConfig.Default.silence_end_call_timeout
        public var turn_eagerness = TurnConfig.Default.turn_eagerness
        public var speculative_turn = TurnConfig.Default.speculative_turn
        public var interruption_ignore_terms: [String] = []
        public var transcribe_on_disabled_interruptions = TurnConfig.Default.transcribe_on_disabled_interruptions
        public var soft_timeout_config = SoftTimeoutConfig()
        /// `turn` or `silence`: how the end of a turn is detected.
        public var mode = TurnConfig.Default.mode
        /// `turn_v2` or `turn_v3`: the turn-taking model (a v3 Conversational feature per the vendor).
        public var turn_model = TurnConfig.Default.turn_model
        /// `auto` or `off`: extra patience while the caller spells (script lines marked `spelling`).
        public var spelling_patience = TurnConfig.Default.spelling_patience
        public var retranscribe_on_turn_timeout = TurnConfig.Default.retranscribe_on_turn_timeout

        public init() {}
    }

    /// `SoftTimeoutConfig`
    public struct SoftTimeoutConfig: Equatable, Sendable {
        public var timeout_seconds = AgentSchema.SoftTimeoutConfig.Default.timeout_seconds
        public var message = AgentSchema.SoftTimeoutConfig.Default.message
        public var additional_soft_timeout_messages: [String] = []
        public var max_soft_timeouts_per_generation = AgentSchema.SoftTimeoutConfig.Default.max_soft_timeouts_per_generation
        public var disable_until_first_user_message = AgentSchema.SoftTimeoutConfig.Default.disable_until_first_user_message
        public var use_llm_generated_message = AgentSchema.SoftTimeoutConfig.Default.use_llm_generated_message

        public init() {}
    }

    /// `AgentConfigAPIModel`
    public struct Agent: Equatable, Sendable {
        public var first_message = AgentConfig.Default.first_message
        public var disable_first_message_interruptions = AgentConfig.Default.disable_first_message_interruptions
        public var max_conversation_duration_message = AgentConfig.Default.max_conversation_duration_message

        public init() {}
    }

    /// `ConversationConfig`
    public struct Conversation: Equatable, Sendable {
        public var max_duration_seconds = ConversationSettings.Default.max_duration_seconds
        /// nil: the list is unset, and interruptions are allowed.
        public var client_events: [String]?

        public init() {}
    }

    /// `TTSConversationalConfig`
    public struct TTS: Equatable, Sendable {
        public var model_id = TTSConfig.Default.model_id
        public var speed = TTSConfig.Default.speed

        public init() {}
    }
}

extension SimulationSettings {
    /// The TTS model that speculative turns and the turn-taking model belong to (Blog).
    public static let v3Conversational = "eleven_v3_conversational"
}
