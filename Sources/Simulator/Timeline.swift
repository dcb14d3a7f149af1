/// A simulated call: its inputs and every event, in time order.
public struct Timeline: Equatable, Sendable {
    public let settings: SimulationSettings
    public let assumptions: Assumptions
    public let script: Script
    public internal(set) var events: [TimelineEvent]
    /// When the turn timeout, soft timeout and silence end-call timers ran (for pictures).
    public internal(set) var timerSpans: [TimerSpan] = []

    public var summary: CallSummary { CallSummary(events: events) }

    /// Lines (1-based numbers) of `user` and `silence` lines the call ended before reaching.
    public var unplayedLines: [Int] {
        var started = Set<Int>()
        for event in events {
            switch event.kind {
            case .userSpeechStart(let line), .userSilence(let line, _): started.insert(line)
            default: continue
            }
        }
        return script.lines.indices.filter { !script.lines[$0].isAgentLine && !started.contains($0) }
            .map { script.lines[$0].line }
    }

    /// Settings whose timing the vendor leaves open, and scripts that cannot show turn-taking.
    public var warnings: [String] { settings.warnings + script.warnings }

    /// Lines (1-based numbers) of `agent` lines the agent never said: no turn or re-engagement reached them.
    public var unsaidAgentLines: [Int] {
        var said = Set<Int>()
        for event in events {
            guard case .agentSpeechStart(let speech) = event.kind else { continue }
            switch speech {
            case .reply(let line?), .reEngagement(let line?): said.insert(line)
            default: continue
            }
        }
        return script.lines.indices.filter { script.lines[$0].isAgentLine && !said.contains($0) }.map { script.lines[$0].line }
    }

    /// The words the agent says, and whether the simulator made them up because the script had none.
    public func text(of speech: AgentSpeech) -> (text: String, isPlaceholder: Bool) {
        switch speech {
        case .firstMessage: (settings.agent.first_message, false)
        case .reply(let line): line.map { (script.lines[$0].text, false) } ?? (SpokenText.placeholderReply, true)
        case .reEngagement(let line): line.map { (script.lines[$0].text, false) } ?? (SpokenText.placeholderReEngagement, true)
        case .filler(let number): (SpokenText.filler(number: number, config: settings.turn.soft_timeout_config), false)
        case .maxDurationMessage: (settings.agent.max_conversation_duration_message, false)
        }
    }
}

/// Collects every event of a call in order, and when each watched timer ran.
struct EventRecorder: EventSink {
    var events: [TimelineEvent] = []
    var timerSpans: [TimerSpan] = []
    private var running: [WatchedTimer: (start: Microseconds, due: Microseconds)] = [:]

    mutating func record(_ event: TimelineEvent) { events.append(event) }

    /// Closes the timer's running span (fired, stopped or reset) and opens a new one when it is set again.
    mutating func timerChanged(_ timer: WatchedTimer, at now: Microseconds, due: Microseconds, fired: Bool) {
        close(timer, at: now, fired: fired)
        if due != Seconds.never { running[timer] = (now, due) }
    }

    /// Closes what still runs when the call ends: those timers never fired.
    mutating func finish(at end: Microseconds) {
        for timer in WatchedTimer.allCases { close(timer, at: end, fired: false) }
        timerSpans.sort { ($0.start, $0.timer.rawValue) < ($1.start, $1.timer.rawValue) }
    }

    private mutating func close(_ timer: WatchedTimer, at now: Microseconds, fired: Bool) {
        guard let span = running.removeValue(forKey: timer) else { return }
        timerSpans.append(TimerSpan(timer: timer, start: span.start, end: min(span.due, now), fired: fired))
    }
}

/// Runs one simulated call of a script.
public enum Simulation {
    /// The whole call, from the first message to the `call_end` event.
    /// Throws `SimulatorError` for settings it cannot run, `Diagnostic` for a script line that cannot happen.
    public static func run(settings: SimulationSettings, script: Script, assumptions: Assumptions = Assumptions()) throws -> Timeline {
        let config = try CallConfig(settings: settings, assumptions: assumptions)
        var engine = CallEngine(config: config, script: PreparedScript(script, config: config), sink: EventRecorder(),
                                latency: .script(defaultLatency: config.defaultLLMLatency))
        try engine.run()
        engine.sink.finish(at: engine.now)
        var timeline = Timeline(settings: settings, assumptions: assumptions, script: script, events: engine.sink.events)
        timeline.timerSpans = engine.sink.timerSpans
        return timeline
    }
}
