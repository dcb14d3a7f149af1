import ConfigModel

/// The settings a simulation used, as the API names them, for output headers.
extension SimulationSettings {
    /// Every setting the simulator reads, nested like the API's `conversation_config`.
    var json: JSONValue {
        let soft = turn.soft_timeout_config
        return .object([
            ("turn", .object([
                ("turn_timeout", .double(turn.turn_timeout)),
                ("initial_wait_time", turn.initial_wait_time.map(JSONValue.double) ?? .null),
                ("silence_end_call_timeout", .double(turn.silence_end_call_timeout)),
                ("turn_eagerness", .string(turn.turn_eagerness.rawValue)),
                ("speculative_turn", .bool(turn.speculative_turn)),
                ("interruption_ignore_terms", .array(turn.interruption_ignore_terms.map(JSONValue.string))),
                ("transcribe_on_disabled_interruptions", .bool(turn.transcribe_on_disabled_interruptions)),
                ("soft_timeout_config", .object([
                    ("timeout_seconds", .double(soft.timeout_seconds)),
                    ("message", .string(soft.message)),
                    ("additional_soft_timeout_messages", .array(soft.additional_soft_timeout_messages.map(JSONValue.string))),
                    ("max_soft_timeouts_per_generation", .int(soft.max_soft_timeouts_per_generation)),
                    ("disable_until_first_user_message", .bool(soft.disable_until_first_user_message)),
                    ("use_llm_generated_message", .bool(soft.use_llm_generated_message)),
                ])),
                ("mode", .string(turn.mode)),
                ("turn_model", .string(turn.turn_model)),
                ("spelling_patience", .string(turn.spelling_patience)),
                ("retranscribe_on_turn_timeout", .bool(turn.retranscribe_on_turn_timeout)),
            ])),
            ("agent", .object([
                ("first_message", .string(agent.first_message)),
                ("disable_first_message_interruptions", .bool(agent.disable_first_message_interruptions)),
                ("max_conversation_duration_message", .string(agent.max_conversation_duration_message)),
            ])),
            ("conversation", .object([
                ("max_duration_seconds", .int(conversation.max_duration_seconds)),
                ("client_events", conversation.client_events.map { .array($0.map(JSONValue.string)) } ?? .null),
            ])),
            ("tts", .object([
                ("model_id", .string(tts.model_id)),
                ("speed", .double(tts.speed)),
            ])),
        ])
    }

    /// `turn.soft_timeout_config.timeout_seconds = 3` lines, one per setting.
    var listing: [(name: String, value: String)] {
        var rows: [(String, String)] = []
        func flatten(_ value: JSONValue, prefix: String) {
            if case .object(let members) = value {
                for (key, member) in members { flatten(member, prefix: prefix.isEmpty ? key : prefix + "." + key) }
            } else {
                if case .null = value { rows.append((prefix, "unset")) } else { rows.append((prefix, JSONText.encode(value))) }
            }
        }
        flatten(json, prefix: "")
        return rows
    }
}

extension Assumptions {
    var json: JSONValue {
        .object(entries.map { ($0.assumption.name.rawValue, .seconds($0.value)) })
    }

    /// `name = value unit  (meaning)`, marked `[set]` when the user set it.
    var listing: [String] {
        entries.map { entry in
            let unit = entry.assumption.unit == .seconds ? " s" : " " + entry.assumption.unit.rawValue
            let value = "\(entry.assumption.name.rawValue) = \(Seconds.shortest(entry.value))\(unit)"
            return TimelineTextRenderer.pad(value, 44) + "  " + entry.assumption.meaning + (entry.isOverridden ? " [set]" : "")
        }
    }
}
