import ConfigModel

/// The virtual-clock turn-taking engine: jumps from one timer to the next, never sleeps.
struct CallEngine<Sink: EventSink> {
    /// Timers in tie-break order: at equal times the earlier one fires first (docs/simulator.md, "Ties").
    enum Timer: Int, CaseIterable {
        case maxDuration, silenceEndCall, agentSpeechEnd, userSpeechEnd, silenceEnd, nextLine
        case llmResponse, turnTaken, softTimeout, agentAudioStart, turnTimeout
    }

    /// How a user utterance counts: a turn, ignored, or kept for the next turn.
    enum UtteranceRole { case turn, ignored, carried }

    struct OpenTurn {
        let number: Int
        let firstLine: Int
        /// The turn's latest user line; its reply is the first free `agent` line below it.
        var latestLine: Int
        var stoppedAt: Microseconds = 0
        var endpointingDelay: Microseconds = 0
        /// Fillers spoken so far in this caller turn, over every request it needed ("once per turn").
        var fillers = 0
    }

    struct PendingGeneration {
        let generation: Generation
        let requestAt: Microseconds
        /// Audio may not start before the agent has taken the turn (matters for speculative turns).
        let earliestAudio: Microseconds
        /// The filler count this generation started from: its caller turn's fillers so far.
        let fillersBefore: Int
        var fillers: Int
    }

    struct QueuedSpeech {
        let speech: AgentSpeech
        let readyAt: Microseconds
        let duration: Microseconds
    }

    static var eventLimit: Int { 1_000_000 }

    let config: CallConfig
    var script: PreparedScript
    var sink: Sink
    var latency: LatencySource
    /// Interactive sessions pause instead of ending when the script runs out.
    var expectsMoreInput = false

    var now: Microseconds = 0
    var ended = false
    var timers = [Microseconds](repeating: Seconds.never, count: Timer.allCases.count)
    var eventCount = 0

    // Script progress.
    var scanFrom = 0
    var eventStart: [Microseconds]
    var reserved: [Bool]
    var latestStimulus = -1
    var silenceUntil: Microseconds = 0
    var scriptStopped = false

    // The user.
    var utterance: (line: Int, role: UtteranceRole)?
    var lastUserSpeechEnd: Microseconds = 0
    var carried: (line: Int, stoppedAt: Microseconds)?
    var userHasSpoken = false
    var turnCount = 0
    var openTurn: OpenTurn?
    var consecutiveTurnTimeouts = 0

    // The agent.
    var generation: PendingGeneration?
    var queue: [QueuedSpeech] = []
    var speaking: AgentSpeech?
    var agentIdleSince: Microseconds?

    init(config: CallConfig, script: PreparedScript, sink: Sink, latency: LatencySource) {
        self.config = config
        self.script = script
        self.sink = sink
        self.latency = latency
        eventStart = [Microseconds](repeating: Seconds.never, count: script.lines.count)
        reserved = [Bool](repeating: false, count: script.lines.count)
        start()
    }

    var lines: [ScriptLine] { script.lines }
    var file: String { script.file }

    /// Adds a script line at the end (the interactive mode feeds lines one at a time).
    mutating func append(_ line: ScriptLine) {
        script.append(line, config: config)
        eventStart.append(Seconds.never)
        reserved.append(false)
    }

    private mutating func start() {
        timers[Timer.maxDuration.rawValue] = config.maxDuration
        setTimer(.silenceEndCall, config.silenceEndCall)
        if let duration = config.firstMessageDuration {
            enqueue(.firstMessage, readyAt: config.ttsLatency, duration: duration)
        } else {
            agentIdleSince = 0
            setTimer(.turnTimeout, config.initialWait)
        }
    }

    /// Runs until the call ends, or until an interactive session needs its next line.
    mutating func run() throws(Diagnostic) {
        while !ended {
            try scheduleNextLine()
            if isFloorFree && scriptExhausted {
                if expectsMoreInput { return }
                endCall(.scriptEnd)
                return
            }
            guard let timer = earliestTimer() else { throw stalled() }
            guard timers[timer.rawValue] <= Seconds.horizon else {
                throw Diagnostic.script(file: file, line: 1, column: 1, "the call would run past \(Seconds.horizon / 1_000_000) s; check the script's times and the settings")
            }
            now = timers[timer.rawValue]
            timers[timer.rawValue] = Seconds.never
            watch(timer, due: Seconds.never, fired: true)
            try fire(timer)
            eventCount += 1
            if eventCount >= Self.eventLimit && !ended {
                throw Diagnostic.script(file: file, line: 1, column: 1, "the call did not end after \(Self.eventLimit) events; set conversation.max_duration_seconds")
            }
        }
    }

    private mutating func fire(_ timer: Timer) throws(Diagnostic) {
        switch timer {
        case .maxDuration: reachMaxDuration()
        case .silenceEndCall: endCall(.silenceTimeout)
        case .agentSpeechEnd: finishAgentSpeech()
        case .userSpeechEnd: finishUserSpeech()
        case .silenceEnd: break
        case .nextLine: try startNextLine()
        case .llmResponse: receiveResponse()
        case .turnTaken: takeTurn()
        case .softTimeout: fireSoftTimeout()
        case .agentAudioStart: startAgentAudio()
        case .turnTimeout: fireTurnTimeout()
        }
    }

    private func earliestTimer() -> Timer? {
        var best: Timer?
        var bestTime = Seconds.never
        for timer in Timer.allCases where timers[timer.rawValue] < bestTime {
            best = timer
            bestTime = timers[timer.rawValue]
        }
        return best
    }

    mutating func setTimer(_ timer: Timer, _ time: Microseconds) {
        timers[timer.rawValue] = time
        watch(timer, due: time, fired: false)
    }

    /// Tells the sink about the timers a picture draws.
    private mutating func watch(_ timer: Timer, due: Microseconds, fired: Bool) {
        switch timer {
        case .turnTimeout: sink.timerChanged(.turnTimeout, at: now, due: due, fired: fired)
        case .softTimeout: sink.timerChanged(.softTimeout, at: now, due: due, fired: fired)
        case .silenceEndCall: sink.timerChanged(.silenceEndCall, at: now, due: due, fired: fired)
        default: break
        }
    }

    mutating func emit(_ kind: TimelineEvent.Kind) {
        sink.record(TimelineEvent(t: now, kind: kind))
    }

    var isFloorFree: Bool { agentIdleSince != nil && utterance == nil && carried == nil }

    /// The floor is free since the agent went quiet and the user stopped, whichever came last.
    var floorFreeSince: Microseconds? {
        guard isFloorFree, let idle = agentIdleSince else { return nil }
        return max(idle, lastUserSpeechEnd)
    }

    mutating func endCall(_ reason: CallEndReason) {
        cutOffSpeech()
        emit(.callEnd(reason))
        ended = true
    }

    private mutating func cutOffSpeech() {
        if let speech = speaking {
            emit(.agentSpeechEnd(speech, .cutOff))
            speaking = nil
        }
        if let current = utterance {
            emit(.userSpeechEnd(line: current.line, .cutOff))
            utterance = nil
        }
    }

    /// The call stops at once; a non-empty closing message is spoken, uninterruptible, before it ends.
    private mutating func reachMaxDuration() {
        scriptStopped = true
        for timer in Timer.allCases { timers[timer.rawValue] = Seconds.never }
        guard let duration = config.maxDurationMessageDuration else {
            endCall(.maxDuration)
            return
        }
        cutOffSpeech()
        cancelPendingAgentOutput()
        agentIdleSince = nil
        enqueue(.maxDurationMessage, readyAt: now + config.ttsLatency, duration: duration)
    }
}

/// Where LLM latencies come from: the script (and `llm_latency`), or a seeded distribution, which may keep the
/// latencies written in the script.
enum LatencySource {
    case script(defaultLatency: Microseconds)
    case sampled(LognormalLatency, keepScripted: Bool)

    mutating func next(scripted: Microseconds?) -> Microseconds {
        switch self {
        case .script(let defaultLatency): return max(0, scripted ?? defaultLatency)
        case .sampled(var sampler, let keepScripted):
            if keepScripted, let scripted { return max(0, scripted) }
            let value = sampler.next()
            self = .sampled(sampler, keepScripted: keepScripted)
            return value
        }
    }
}
