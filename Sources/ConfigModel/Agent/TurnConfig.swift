/// `conversation_config.turn`: how the agent takes turns, waits, and re-engages.
public struct TurnConfig: Decodable, Sendable {
    public var turn_timeout: Double?
    public var initial_wait_time: Double?
    public var silence_end_call_timeout: Double?
    public var mode: String?
    public var turn_eagerness: TurnEagerness?
    public var spelling_patience: String?
    public var speculative_turn: Bool?
    public var retranscribe_on_turn_timeout: Bool?
    public var turn_model: String?
    public var interruption_ignore_terms: [String]?
    public var interruption_ignore_term_languages: [String]?
    public var merge_with_default_ignore_terms: Bool?
    public var transcribe_on_disabled_interruptions: Bool?
    public var soft_timeout_config: SoftTimeoutConfig?

    public init(turn_timeout: Double? = nil, initial_wait_time: Double? = nil, silence_end_call_timeout: Double? = nil,
                turn_eagerness: TurnEagerness? = nil, speculative_turn: Bool? = nil,
                interruption_ignore_terms: [String]? = nil, transcribe_on_disabled_interruptions: Bool? = nil,
                soft_timeout_config: SoftTimeoutConfig? = nil) {
        self.turn_timeout = turn_timeout
        self.initial_wait_time = initial_wait_time
        self.silence_end_call_timeout = silence_end_call_timeout
        self.turn_eagerness = turn_eagerness
        self.speculative_turn = speculative_turn
        self.interruption_ignore_terms = interruption_ignore_terms
        self.transcribe_on_disabled_interruptions = transcribe_on_disabled_interruptions
        self.soft_timeout_config = soft_timeout_config
    }
}

public enum TurnEagerness: String, Decodable, Sendable, CaseIterable {
    case patient, normal, eager
}

/// `conversation_config.turn.soft_timeout_config`: the filler spoken while the LLM is slow to answer.
public struct SoftTimeoutConfig: Decodable, Sendable {
    public var timeout_seconds: Double?
    public var message: String?
    public var additional_soft_timeout_messages: [String]?
    public var use_llm_generated_message: Bool?
    public var randomize_fillers: Bool?
    public var max_soft_timeouts_per_generation: Int?
    public var llm_generated_message_prompt_override: String?
    public var disable_until_first_user_message: Bool?

    public init(timeout_seconds: Double? = nil, message: String? = nil, additional_soft_timeout_messages: [String]? = nil,
                use_llm_generated_message: Bool? = nil, max_soft_timeouts_per_generation: Int? = nil,
                disable_until_first_user_message: Bool? = nil) {
        self.timeout_seconds = timeout_seconds
        self.message = message
        self.additional_soft_timeout_messages = additional_soft_timeout_messages
        self.use_llm_generated_message = use_llm_generated_message
        self.max_soft_timeouts_per_generation = max_soft_timeouts_per_generation
        self.disable_until_first_user_message = disable_until_first_user_message
    }
}
