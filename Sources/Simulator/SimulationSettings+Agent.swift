import AgentSchema
import ConfigModel

extension SimulationSettings {
    /// The turn-taking settings of an agent file; anything the file leaves out keeps the API's default.
    public init(agent definition: AgentDefinition) {
        self.init()
        let config = definition.conversation_config
        if let turn = config?.turn {
            self.turn.turn_timeout = turn.turn_timeout ?? self.turn.turn_timeout
            self.turn.initial_wait_time = turn.initial_wait_time
            self.turn.silence_end_call_timeout = turn.silence_end_call_timeout ?? self.turn.silence_end_call_timeout
            self.turn.turn_eagerness = turn.turn_eagerness ?? self.turn.turn_eagerness
            self.turn.speculative_turn = turn.speculative_turn ?? self.turn.speculative_turn
            self.turn.interruption_ignore_terms = turn.interruption_ignore_terms ?? []
            self.turn.transcribe_on_disabled_interruptions = turn.transcribe_on_disabled_interruptions ?? false
            self.turn.mode = turn.mode ?? self.turn.mode
            self.turn.turn_model = turn.turn_model ?? self.turn.turn_model
            self.turn.spelling_patience = turn.spelling_patience ?? self.turn.spelling_patience
            self.turn.retranscribe_on_turn_timeout = turn.retranscribe_on_turn_timeout ?? self.turn.retranscribe_on_turn_timeout
            if let soft = turn.soft_timeout_config {
                var filler = self.turn.soft_timeout_config
                filler.timeout_seconds = soft.timeout_seconds ?? filler.timeout_seconds
                filler.message = soft.message ?? filler.message
                filler.additional_soft_timeout_messages = soft.additional_soft_timeout_messages ?? []
                filler.max_soft_timeouts_per_generation = soft.max_soft_timeouts_per_generation ?? filler.max_soft_timeouts_per_generation
                filler.disable_until_first_user_message = soft.disable_until_first_user_message ?? false
                filler.use_llm_generated_message = soft.use_llm_generated_message ?? false
                self.turn.soft_timeout_config = filler
            }
        }
        if let agent = config?.agent {
            self.agent.first_message = agent.first_message ?? self.agent.first_message
            self.agent.disable_first_message_interruptions = agent.disable_first_message_interruptions ?? false
            self.agent.max_conversation_duration_message = agent.max_conversation_duration_message ?? ""
        }
        if let conversation = config?.conversation {
            self.conversation.max_duration_seconds = conversation.max_duration_seconds ?? self.conversation.max_duration_seconds
            self.conversation.client_events = conversation.client_events
        }
        if let tts = config?.tts {
            self.tts.model_id = tts.model_id ?? self.tts.model_id
            self.tts.speed = tts.speed ?? self.tts.speed
        }
    }
}
