/// One moment of the simulated call.
public struct TimelineEvent: Equatable, Sendable {
    /// Time since the call started.
    public let t: Microseconds
    public let kind: Kind

    public init(t: Microseconds, kind: Kind) {
        self.t = t
        self.kind = kind
    }

    /// Event kinds; `name` gives the stable JSON name of each.
    public enum Kind: Equatable, Sendable {
        case agentSpeechStart(AgentSpeech)
        case agentSpeechEnd(AgentSpeech, SpeechEnding)
        /// `line` is the script line's index in `Script.lines`.
        case userSpeechStart(line: Int)
        case userSpeechEnd(line: Int, SpeechEnding)
        case userSilence(line: Int, duration: Microseconds)
        /// `lines`: the turn's first and latest user lines (indices in `Script.lines`).
        case userTurnEnd(turn: Int, userStoppedAt: Microseconds, endpointingDelay: Microseconds, lines: ClosedRange<Int>)
        case llmRequest(Generation, latency: Microseconds)
        case llmResponse(Generation)
        case llmCancelled(Generation)
        case softTimeout(number: Int)
        case turnTimeout(number: Int)
        case interruption(line: Int)
        case interruptionIgnored(line: Int, reason: IgnoredInterruption, carried: Bool)
        case callEnd(CallEndReason)
    }
}

/// What the agent says, and where its text comes from.
public enum AgentSpeech: Equatable, Sendable {
    case firstMessage
    /// The reply to a user turn; `line` is nil for the placeholder used when the script has no `agent` line left.
    case reply(line: Int?)
    /// Re-engaging a silent user after a turn timeout.
    case reEngagement(line: Int?)
    /// The `number`th soft-timeout filler of one LLM generation.
    case filler(number: Int)
    case maxDurationMessage
}

/// What an LLM request is for, and which script line answers it (nil: placeholder).
public struct Generation: Equatable, Sendable {
    public enum Purpose: String, Equatable, Sendable {
        case reply
        case reEngagement = "re_engagement"
    }

    public let purpose: Purpose
    public let line: Int?
    /// The user turn the reply answers; nil for re-engagements.
    public let turn: Int?
}

public enum SpeechEnding: String, Equatable, Sendable {
    case finished
    /// The user interrupted the agent.
    case interrupted
    /// The call ended mid-speech.
    case cutOff = "cut_off"
}

public enum IgnoredInterruption: String, Equatable, Sendable {
    case ignoreTerm = "ignore_term"
    case interruptionsDisabled = "interruptions_disabled"
    case firstMessage = "first_message"
}

public enum CallEndReason: String, Equatable, Sendable, CaseIterable {
    case scriptEnd = "script_end"
    case silenceTimeout = "silence_timeout"
    case maxDuration = "max_duration"
}

extension TimelineEvent.Kind {
    /// The event name in JSON output; stable, snake_case.
    public var name: String {
        switch self {
        case .agentSpeechStart: "agent_speech_start"
        case .agentSpeechEnd: "agent_speech_end"
        case .userSpeechStart: "user_speech_start"
        case .userSpeechEnd: "user_speech_end"
        case .userSilence: "user_silence"
        case .userTurnEnd: "user_turn_end"
        case .llmRequest: "llm_request"
        case .llmResponse: "llm_response"
        case .llmCancelled: "llm_cancelled"
        case .softTimeout: "soft_timeout"
        case .turnTimeout: "turn_timeout"
        case .interruption: "interruption"
        case .interruptionIgnored: "interruption_ignored"
        case .callEnd: "call_end"
        }
    }
}

/// Where the engine sends events: a recorder for timelines, a summary for Monte Carlo runs.
public protocol EventSink {
    mutating func record(_ event: TimelineEvent)
    /// A timer the picture draws was set to fall due at `due` (`Seconds.never`: stopped) at time `now`, or fired.
    mutating func timerChanged(_ timer: WatchedTimer, at now: Microseconds, due: Microseconds, fired: Bool)
}

extension EventSink {
    /// Most sinks do not draw timers; this default compiles away in the Monte Carlo loop.
    public mutating func timerChanged(_ timer: WatchedTimer, at now: Microseconds, due: Microseconds, fired: Bool) {}
}

/// The timers drawn as they run: they decide when the agent re-engages, fills silence, or hangs up.
public enum WatchedTimer: String, CaseIterable, Equatable, Sendable {
    case turnTimeout = "turn-timeout"
    case softTimeout = "soft-timeout"
    case silenceEndCall = "silence-end-call"
}

/// A timer from when it was set until it fired or was stopped.
public struct TimerSpan: Equatable, Sendable {
    public let timer: WatchedTimer
    public let start: Microseconds
    public let end: Microseconds
    public let fired: Bool
}
