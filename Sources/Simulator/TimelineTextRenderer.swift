/// The timeline as text: a header of settings and assumptions, one line per event, then a summary.
public enum TimelineTextRenderer {
    /// `header: false` leaves out the settings and assumptions (`--quiet`); warnings are kept.
    public static func render(_ timeline: Timeline, header withHeader: Bool = true) -> String {
        var output = withHeader ? header(timeline) + "\n" : warningsSection(timeline.warnings)
        output += "timeline\n"
        for event in timeline.events { output += line(for: event, in: timeline) + "\n" }
        output += "\n" + summary(timeline)
        return output
    }

    /// The settings and assumptions the simulation used; the assumptions are numbers the vendor does not publish.
    public static func header(_ timeline: Timeline) -> String {
        var output = "simulated call: \(timeline.script.file) (virtual clock, times in seconds from the call start)\n"
        output += "settings\n"
        for row in timeline.settings.listing { output += "  \(row.name) = \(row.value)\n" }
        output += "assumptions (not published by the vendor; override with name=value)\n"
        for row in timeline.assumptions.listing { output += "  \(row)\n" }
        output += warningsSection(timeline.warnings)
        return output
    }

    /// `warnings` and one line each, or nothing.
    public static func warningsSection(_ warnings: [String]) -> String {
        warnings.isEmpty ? "" : "warnings\n" + warnings.map { "  ! \($0)\n" }.joined()
    }

    /// `3, 5-7, 12`: consecutive line numbers folded into ranges.
    public static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count && numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end == index ? "\(numbers[index])" : "\(numbers[index])-\(numbers[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// One event as `  7.20s  agent   [soft timeout] "Hhmmmm...yeah."`.
    public static func line(for event: TimelineEvent, in timeline: Timeline) -> String {
        let (actor, text) = describe(event, in: timeline)
        let time = Seconds.format(event.t, decimals: 2) + "s"
        return pad(time, 7, right: true) + "  " + pad(actor, 6) + "  " + text
    }

    private static func describe(_ event: TimelineEvent, in timeline: Timeline) -> (String, String) {
        let lines = timeline.script.lines
        switch event.kind {
        case .agentSpeechStart(let speech):
            let (text, isPlaceholder) = timeline.text(of: speech)
            return ("agent", tag(speech) + quoted(text) + (isPlaceholder ? " (placeholder: no agent line left in the script)" : ""))
        case .agentSpeechEnd(_, let ending):
            switch ending {
            case .finished: return ("agent", "finishes")
            case .interrupted: return ("agent", "is interrupted")
            case .cutOff: return ("agent", "is cut off")
            }
        case .userSpeechStart(let line):
            return ("user", quoted(lines[line].text))
        case .userSpeechEnd(_, let ending):
            return ("user", ending == .cutOff ? "is cut off" : "stops")
        case .userSilence(_, let duration):
            return ("user", "stays silent for \(Seconds.format(duration, decimals: 2)) s")
        case .userTurnEnd(let turn, let stoppedAt, _, _):
            return ("agent", "takes turn \(turn), \(Seconds.format(event.t - stoppedAt, decimals: 2)) s after the user stopped")
        case .llmRequest(let generation, let latency):
            return ("llm", "request for \(purpose(generation, in: timeline)), answers in \(Seconds.format(latency, decimals: 2)) s")
        case .llmResponse(let generation):
            return ("llm", "response for \(purpose(generation, in: timeline))")
        case .llmCancelled(let generation):
            return ("llm", "request for \(purpose(generation, in: timeline)) cancelled")
        case .softTimeout(let number):
            let limit = timeline.settings.turn.soft_timeout_config.max_soft_timeouts_per_generation
            return ("timer", "soft timeout \(number) of \(limit)")
        case .turnTimeout(let number):
            return ("timer", "turn timeout \(number): no reply from the user")
        case .interruption:
            return ("user", "interrupts the agent")
        case .interruptionIgnored(_, let reason, let carried):
            let why = switch reason {
            case .ignoreTerm: "an ignore term"
            case .interruptionsDisabled: "interruptions are off"
            case .firstMessage: "the first message is protected"
            }
            return ("user", "does not interrupt: \(why)" + (carried ? "; carried into the next turn" : "; ignored"))
        case .callEnd(let reason):
            return ("call", "ends: \(reason.rawValue)")
        }
    }

    private static func tag(_ speech: AgentSpeech) -> String {
        switch speech {
        case .firstMessage: "[first message] "
        case .reply: ""
        case .reEngagement: "[re-engagement] "
        case .filler: "[soft timeout] "
        case .maxDurationMessage: "[max duration] "
        }
    }

    private static func purpose(_ generation: Generation, in timeline: Timeline) -> String {
        let what = generation.turn.map { "the reply to turn \($0)" } ?? "a re-engagement"
        return what + (generation.line.map { " (line \(timeline.script.lines[$0].line))" } ?? " (placeholder)")
    }

    /// Per turn the response gap and fillers, then re-engagements, interruptions and how the call ended.
    public static func summary(_ timeline: Timeline) -> String {
        let summary = timeline.summary
        var output = "summary\n"
        if summary.turns.isEmpty {
            output += "  no user turns\n"
        } else {
            output += "  turn  user stops  first audio     gap  fillers  reply starts\n"
            for turn in summary.turns {
                output += "  " + pad(String(turn.number), 4, right: true)
                output += pad(seconds(turn.userStoppedAt), 12, right: true)
                output += pad(seconds(turn.firstAudioAt), 13, right: true)
                output += pad(seconds(turn.responseGap), 8, right: true)
                output += pad(String(turn.fillers), 9, right: true)
                output += pad(seconds(turn.replyAt), 14, right: true) + "\n"
            }
        }
        output += "  fillers: \(summary.turns.reduce(0) { $0 + $1.fillers }) in user turns, \(summary.reEngagementFillers) while re-engaging\n"
        output += "  re-engagements: \(summary.reEngagements)\n"
        output += "  interruptions: \(summary.interruptions) (not interrupting: \(summary.ignoredInterruptions))\n"
        if let reason = summary.endReason {
            output += "  call ended: \(reason.rawValue) at \(seconds(summary.endedAt))\n"
        }
        let unplayed = timeline.unplayedLines
        if !unplayed.isEmpty {
            output += "  script lines not reached: \(ranges(unplayed))\n"
        }
        let unsaid = timeline.unsaidAgentLines
        if !unsaid.isEmpty {
            output += "  agent lines never said: \(ranges(unsaid))\n"
        }
        return output
    }

    private static func seconds(_ value: Microseconds?) -> String {
        value.map { Seconds.format($0, decimals: 2) + "s" } ?? "-"
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
