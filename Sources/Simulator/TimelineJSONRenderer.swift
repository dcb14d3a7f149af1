import ConfigModel

/// The timeline as one JSON document: settings, assumptions, one event object per line, summary.
public enum TimelineJSONRenderer {
    public static func render(_ timeline: Timeline) -> String {
        let expectations = timeline.script.expectations.isEmpty ? [] : [("expectations", ExpectationRenderer.json(ExpectationCheck.evaluate(timeline)))]
        return JSONText.document(JSONObject([
            ("script", .string(timeline.script.file)),
            ("settings", timeline.settings.json),
            ("assumptions", timeline.assumptions.json),
            ("assumptions_set", .array(timeline.assumptions.entries.filter(\.isOverridden).map { .string($0.assumption.name.rawValue) })),
            ("warnings", .array(timeline.warnings.map(JSONValue.string))),
            ("events", .array(timeline.events.map { object(for: $0, in: timeline) })),
            ("summary", summary(timeline)),
        ] + expectations), oneItemPerLine: ["events", "expectations"])
    }

    /// One event: `t` in seconds, `event`, then the event's own fields.
    static func object(for event: TimelineEvent, in timeline: Timeline) -> JSONValue {
        var members: [(String, JSONValue)] = [("t", .seconds(event.t)), ("event", .string(event.kind.name))]
        let lines = timeline.script.lines
        func line(_ index: Int) -> (String, JSONValue) { ("line", .int(lines[index].line)) }
        switch event.kind {
        case .agentSpeechStart(let speech):
            let (text, isPlaceholder) = timeline.text(of: speech)
            members += speechFields(speech, in: timeline) + [("text", .string(text))]
            if isPlaceholder { members.append(("placeholder", .bool(true))) }
        case .agentSpeechEnd(let speech, let ending):
            members += speechFields(speech, in: timeline) + [("ending", .string(ending.rawValue))]
        case .userSpeechStart(let index):
            members += [line(index), ("text", .string(lines[index].text))]
        case .userSpeechEnd(let index, let ending):
            members += [line(index), ("ending", .string(ending.rawValue))]
        case .userSilence(let index, let duration):
            members += [line(index), ("duration", .seconds(duration))]
        case .userTurnEnd(let turn, let stoppedAt, let delay, _):
            members += [("turn", .int(turn)), ("user_stopped_at", .seconds(stoppedAt)), ("endpointing_delay", .seconds(delay))]
        case .llmRequest(let generation, let latency):
            members += generationFields(generation, in: timeline) + [("latency", .seconds(latency))]
        case .llmResponse(let generation), .llmCancelled(let generation):
            members += generationFields(generation, in: timeline)
        case .softTimeout(let number):
            let text = SpokenText.filler(number: number, config: timeline.settings.turn.soft_timeout_config)
            members += [("number", .int(number)), ("text", .string(text))]
        case .turnTimeout(let number):
            members.append(("number", .int(number)))
        case .interruption(let index):
            members.append(line(index))
        case .interruptionIgnored(let index, let reason, let carried):
            members += [line(index), ("reason", .string(reason.rawValue)), ("carried", .bool(carried))]
        case .callEnd(let reason):
            members.append(("reason", .string(reason.rawValue)))
        }
        return .object(members)
    }

    private static func speechFields(_ speech: AgentSpeech, in timeline: Timeline) -> [(String, JSONValue)] {
        func source(_ line: Int?) -> [(String, JSONValue)] { line.map { [("line", .int(timeline.script.lines[$0].line))] } ?? [] }
        switch speech {
        case .firstMessage: return [("speech", .string("first_message"))]
        case .reply(let line): return [("speech", .string("reply"))] + source(line)
        case .reEngagement(let line): return [("speech", .string("re_engagement"))] + source(line)
        case .filler(let number): return [("speech", .string("filler")), ("number", .int(number))]
        case .maxDurationMessage: return [("speech", .string("max_duration_message"))]
        }
    }

    private static func generationFields(_ generation: Generation, in timeline: Timeline) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("purpose", .string(generation.purpose.rawValue))]
        if let turn = generation.turn { fields.append(("turn", .int(turn))) }
        if let line = generation.line { fields.append(("line", .int(timeline.script.lines[line].line))) }
        return fields
    }

    private static func summary(_ timeline: Timeline) -> JSONValue {
        let summary = timeline.summary
        func optional(_ value: Microseconds?) -> JSONValue { value.map(JSONValue.seconds) ?? .null }
        return .object([
            ("turns", .array(summary.turns.map { turn in
                .object([
                    ("turn", .int(turn.number)),
                    ("user_stopped_at", .seconds(turn.userStoppedAt)),
                    ("first_audio_at", optional(turn.firstAudioAt)),
                    ("response_gap", optional(turn.responseGap)),
                    ("fillers", .int(turn.fillers)),
                    ("reply_at", optional(turn.replyAt)),
                ])
            })),
            ("re_engagements", .int(summary.reEngagements)),
            ("re_engagement_fillers", .int(summary.reEngagementFillers)),
            ("interruptions", .int(summary.interruptions)),
            ("ignored_interruptions", .int(summary.ignoredInterruptions)),
            ("call_end", .object([
                ("reason", summary.endReason.map { .string($0.rawValue) } ?? .null),
                ("t", .seconds(summary.endedAt)),
            ])),
            ("unplayed_lines", .array(timeline.unplayedLines.map(JSONValue.int))),
            ("unsaid_agent_lines", .array(timeline.unsaidAgentLines.map(JSONValue.int))),
        ])
    }
}
