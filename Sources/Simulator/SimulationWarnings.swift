import AgentSchema

/// Where a setting changes timing in a way the vendor does not describe, or a script cannot show much:
/// printed in the output header so nobody reads the timeline as more certain than it is.
extension SimulationSettings {
    public var warnings: [String] {
        var warnings: [String] = []
        let model = tts.model_id
        if turn.speculative_turn && model != Self.v3Conversational {
            warnings.append("turn.speculative_turn is not applied: the vendor describes it as \"a separate feature in v3 Conversational\" and tts.model_id is \(model)")
        }
        // The table's default is what the server keeps for an unset field, so only another model is worth a warning.
        let turnModel = turn.turn_model
        if turnModel != TurnConfig.Default.turn_model {
            if model != Self.v3Conversational {
                warnings.append("turn.turn_model \(turnModel) belongs to v3 Conversational (\"The turn-taking model is enabled by default when v3 Conversational is selected as the TTS model\"); with \(model) the vendor does not say how turns end: the eagerness delays are used")
            } else {
                warnings.append("turn.turn_model \(turnModel): the vendor publishes no timing difference between turn models; the eagerness delays are used")
            }
        }
        if turn.mode == "silence" {
            warnings.append("turn.mode silence: the vendor does not describe how silence-based turn detection times the end of a turn; the eagerness delays are used")
        }
        if turn.retranscribe_on_turn_timeout {
            warnings.append("turn.retranscribe_on_turn_timeout: a real call may find speech the voice detector missed and answer it instead of re-engaging; scripted speech is always detected, so the timeline re-engages as without it")
        }
        return warnings
    }
}

extension Script {
    /// A script that cannot show turn-taking: no caller line at all, or nothing but agent lines.
    public var warnings: [String] {
        let callerLines = lines.filter { if case .user = $0.kind { return true } else { return false } }
        guard callerLines.isEmpty else { return [] }
        if !lines.isEmpty && lines.allSatisfy(\.isAgentLine) {
            return ["the script has only agent lines: with no caller line, no reply is ever requested and only the first message and re-engagements can use them"]
        }
        return ["the script has no caller line: the timeline shows only the first message, re-engagements and how the call ends"]
    }
}
