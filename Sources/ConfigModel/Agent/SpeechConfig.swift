/// `conversation_config.tts`: the agent's voice.
public struct TTSConfig: Decodable, Sendable {
    public var model_id: String?
    public var voice_id: String?
    public var expressive_mode: Bool?
    public var suggested_audio_tags: [String]?
    public var agent_output_audio_format: String?
    public var optimize_streaming_latency: Int?
    public var stability: Double?
    public var speed: Double?
    public var similarity_boost: Double?
    public var text_normalisation_type: String?
    public var enable_phoneme_tags: Bool?

    public init(model_id: String? = nil) { self.model_id = model_id }
}

/// `conversation_config.asr`: how the user's speech is transcribed.
public struct ASRConfig: Decodable, Sendable {
    public var quality: String?
    public var provider: String?
    public var user_input_audio_format: String?
    public var keywords: [String]?
}

/// `conversation_config.vad`: voice activity detection.
public struct VADConfig: Decodable, Sendable {
    public var background_voice_detection: Bool?
}

/// `conversation_config.conversation`: call-level settings and the events the client receives.
public struct ConversationSettings: Decodable, Sendable {
    public var text_only: Bool?
    public var max_duration_seconds: Int?
    public var client_events: [String]?
    public var monitoring_enabled: Bool?
    public var monitoring_events: [String]?
    public var source_attribution: Bool?

    public init(max_duration_seconds: Int? = nil, client_events: [String]? = nil) {
        self.max_duration_seconds = max_duration_seconds
        self.client_events = client_events
    }
}
