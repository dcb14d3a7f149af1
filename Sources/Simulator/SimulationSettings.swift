// Field names are the API's own (snake_case) so the typed agent model maps onto them one to one.

/// The agent settings that shape turn-taking, with the API's defaults for anything unset.
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
        public var turn_timeout: Double = 7.0
        /// nil: "If not set, uses the regular turn_timeout."
        public var initial_wait_time: Double?
        public var silence_end_call_timeout: Double = -1
        public var turn_eagerness: TurnEagerness = .normal
        public var speculative_turn = false
        public var interruption_ignore_terms: [String] = []
        public var transcribe_on_disabled_interruptions = false
        public var soft_timeout_config = SoftTimeoutConfig()
        /// `turn` or `silence`: how the end of a turn is detected.
        public var mode = "turn"
        /// `turn_v2` or `turn_v3`: the turn-taking model (a v3 Conversational feature per the vendor).
        /// nil when the agent file leaves it unset (the vendor's default is `turn_v3`).
        public var turn_model: String?
        /// `auto` or `off`: extra patience while the caller spells (script lines marked `spelling`).
        public var spelling_patience = "auto"
        public var retranscribe_on_turn_timeout = false

        public init() {}
    }

    /// `SoftTimeoutConfig`
    public struct SoftTimeoutConfig: Equatable, Sendable {
        public var timeout_seconds: Double = -1.0
        public var message = "Hhmmmm...yeah."
        public var additional_soft_timeout_messages: [String] = []
        public var max_soft_timeouts_per_generation = 1
        public var disable_until_first_user_message = false
        public var use_llm_generated_message = false

        public init() {}
    }

    /// `AgentConfigAPIModel`
    public struct Agent: Equatable, Sendable {
        public var first_message = ""
        public var disable_first_message_interruptions = false
        public var max_conversation_duration_message = ""

        public init() {}
    }

    /// `ConversationConfig`
    public struct Conversation: Equatable, Sendable {
        public var max_duration_seconds = 600
        /// nil: the list is unset, and interruptions are allowed.
        public var client_events: [String]?

        public init() {}
    }

    /// `TTSConversationalConfig`
    public struct TTS: Equatable, Sendable {
        public var model_id = "eleven_flash_v2"
        public var speed = 1.0

        public init() {}
    }
}

extension SimulationSettings {
    /// The TTS model that speculative turns and the turn-taking model belong to (Blog).
    public static let v3Conversational = "eleven_v3_conversational"
}

/// `TurnEagerness`: how long the agent waits after the user stops before taking the turn.
public enum TurnEagerness: String, CaseIterable, Equatable, Sendable {
    case patient, normal, eager
}
