/// A call simulated step by step: feed what the user says or how long they stay silent, get the new events.
public struct InteractiveSimulation {
    private var engine: CallEngine<EventRecorder>
    private var script: Script
    private let settings: SimulationSettings
    private let assumptions: Assumptions
    private var reported = 0

    /// Starts the call and runs it until the agent waits for the user; `timeline.events` holds the opening.
    public init(settings: SimulationSettings, assumptions: Assumptions = Assumptions(), file: String = "<interactive>") throws {
        let config = try CallConfig(settings: settings, assumptions: assumptions)
        self.settings = settings
        self.assumptions = assumptions
        script = Script(file: file, lines: [])
        engine = CallEngine(config: config, script: PreparedScript(script, config: config), sink: EventRecorder(),
                            latency: .script(defaultLatency: config.defaultLLMLatency))
        engine.expectsMoreInput = true
        try engine.run()
        reported = engine.sink.events.count
    }

    /// Everything so far.
    public var timeline: Timeline {
        Timeline(settings: settings, assumptions: assumptions, script: script, events: engine.sink.events)
    }

    public var hasEnded: Bool { engine.ended }

    /// The user says `text` once the floor is free (like a `user:` line).
    public mutating func say(_ text: String) throws -> [TimelineEvent] {
        guard !text.trimmingCharacters.isEmpty else { throw SimulatorError("say something: the utterance is empty") }
        return try feed(.user(text: text.trimmingCharacters, timing: .whenFloorIsFree))
    }

    /// The user stays silent for `seconds` (like a `silence` line); timers fire meanwhile.
    public mutating func staySilent(for seconds: Double) throws -> [TimelineEvent] {
        guard seconds.isFinite, seconds > 0, seconds <= 1e6 else { throw SimulatorError("a silence must last more than 0 seconds") }
        return try feed(.silence(duration: Seconds.microseconds(seconds)))
    }

    /// LLM latency for the replies requested from now on.
    public mutating func setLatency(seconds: Double) throws {
        guard seconds.isFinite, seconds >= 0, seconds <= 1e6 else { throw SimulatorError("a latency must be 0 seconds or more") }
        engine.latency = .script(defaultLatency: Seconds.microseconds(seconds))
    }

    /// Any script line, as `ScriptReader.readLine` parses it; `agent` lines answer later turns. A `user +N:` or
    /// `user @N:` line that starts in the past replays the call from that moment (so the caller can interrupt).
    public mutating func feed(_ line: ScriptLine) throws -> [TimelineEvent] {
        guard !engine.ended else { throw SimulatorError("the call has already ended") }
        let saved = (engine, script)
        do {
            script.lines.append(line)
            engine.append(line)
            try engine.run()
        } catch {
            (engine, script) = saved
            guard case .user(_, let timing) = line.kind, timing != .whenFloorIsFree else { throw error }
            return try replay(with: line)
        }
        return takeNewEvents()
    }

    /// The call again from the start, with every made-up reply written out so it keeps its latency, plus `line`;
    /// the events from the new line's start on replace those shown before.
    private mutating func replay(with line: ScriptLine) throws -> [TimelineEvent] {
        var replayed = try ScriptReader.read(ScriptWriter.text(of: timeline, header: ""), file: script.file)
        replayed.lines.append(line)
        var fresh = CallEngine(config: engine.config, script: PreparedScript(replayed, config: engine.config), sink: EventRecorder(),
                               latency: engine.latency)
        fresh.expectsMoreInput = true
        try fresh.run()
        let newLine = replayed.lines.count - 1
        let start = fresh.sink.events.first { $0.kind == .userSpeechStart(line: newLine) }?.t ?? fresh.now
        engine = fresh
        script = replayed
        reported = engine.sink.events.firstIndex { $0.t >= start } ?? engine.sink.events.count
        return takeNewEvents()
    }

    /// The user hangs up once the agent is done: the call ends with `script_end`.
    public mutating func hangUp() throws -> [TimelineEvent] {
        guard !engine.ended else { return [] }
        engine.expectsMoreInput = false
        try engine.run()
        return takeNewEvents()
    }

    private mutating func feed(_ kind: ScriptLine.Kind) throws -> [TimelineEvent] {
        try feed(ScriptLine(kind: kind, line: script.lines.count + 1, column: 1))
    }

    private mutating func takeNewEvents() -> [TimelineEvent] {
        let events = Array(engine.sink.events[reported...])
        reported = engine.sink.events.count
        return events
    }
}
