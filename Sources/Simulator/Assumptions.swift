import AgentSchema

/// A number the vendor does not publish, so the simulator has to assume it.
public struct Assumption: Equatable, Sendable {
    public enum Unit: String, Equatable, Sendable {
        case seconds = "s"
        case wordsPerSecond = "words/s"
        case words = "words"
        /// A yes/no choice between two readings of the docs: 1 or 0.
        case onOff = "(1 on, 0 off)"
    }

    public let name: AssumptionName
    /// Exact decimal value times 1,000,000 (microseconds for durations).
    public let defaultValue: Microseconds
    public let unit: Unit
    /// What the number means, in one line.
    public let meaning: String
}

/// The names a user writes in `name=value`.
public enum AssumptionName: String, CaseIterable, Equatable, Sendable {
    case agentWordsPerSecond = "agent_words_per_second"
    case userWordsPerSecond = "user_words_per_second"
    case userReactionGap = "user_reaction_gap"
    case endpointingDelayEager = "endpointing_delay.eager"
    case endpointingDelayNormal = "endpointing_delay.normal"
    case endpointingDelayPatient = "endpointing_delay.patient"
    case llmLatency = "llm_latency"
    case ttsLatencyFlashV2 = "tts_latency.eleven_flash_v2"
    case ttsLatencyFlashV2_5 = "tts_latency.eleven_flash_v2_5"
    case ttsLatencyTurboV2 = "tts_latency.eleven_turbo_v2"
    case ttsLatencyTurboV2_5 = "tts_latency.eleven_turbo_v2_5"
    case ttsLatencyMultilingualV2 = "tts_latency.eleven_multilingual_v2"
    case ttsLatencyV3Conversational = "tts_latency.eleven_v3_conversational"
    case generatedFillerLatency = "generated_filler_latency"
    case generatedFillerWords = "generated_filler_words"
    case spellingPatienceDelay = "spelling_patience_delay"
    case reEngagementFillers = "re_engagement_fillers"

    /// The assumption holding the first-audio latency of a `tts.model_id`, if the model is known.
    public static func ttsLatency(modelID: String) -> AssumptionName? {
        AssumptionName(rawValue: "tts_latency." + modelID)
    }

    static func endpointingDelay(_ eagerness: TurnEagerness) -> AssumptionName {
        switch eagerness {
        case .eager: .endpointingDelayEager
        case .normal: .endpointingDelayNormal
        case .patient: .endpointingDelayPatient
        }
    }
}

extension Assumption {
    /// Every assumption with its default; docs/simulator.md explains each choice.
    public static let catalog: [Assumption] = [
        Assumption(name: .agentWordsPerSecond, defaultValue: 2_500_000, unit: .wordsPerSecond,
                   meaning: "agent speaking rate at tts.speed 1.0"),
        Assumption(name: .userWordsPerSecond, defaultValue: 2_500_000, unit: .wordsPerSecond,
                   meaning: "user speaking rate"),
        Assumption(name: .userReactionGap, defaultValue: 500_000, unit: .seconds,
                   meaning: "pause before a `user:` line once the floor is free"),
        Assumption(name: .endpointingDelayEager, defaultValue: 300_000, unit: .seconds,
                   meaning: "user stops -> agent takes the turn, turn_eagerness eager"),
        Assumption(name: .endpointingDelayNormal, defaultValue: 600_000, unit: .seconds,
                   meaning: "user stops -> agent takes the turn, turn_eagerness normal"),
        Assumption(name: .endpointingDelayPatient, defaultValue: 1_200_000, unit: .seconds,
                   meaning: "user stops -> agent takes the turn, turn_eagerness patient"),
        Assumption(name: .llmLatency, defaultValue: 1_000_000, unit: .seconds,
                   meaning: "LLM request -> first speakable text, for `agent:` lines without a latency"),
        Assumption(name: .ttsLatencyFlashV2, defaultValue: 75_000, unit: .seconds,
                   meaning: "text -> first audio, eleven_flash_v2"),
        Assumption(name: .ttsLatencyFlashV2_5, defaultValue: 75_000, unit: .seconds,
                   meaning: "text -> first audio, eleven_flash_v2_5"),
        Assumption(name: .ttsLatencyTurboV2, defaultValue: 250_000, unit: .seconds,
                   meaning: "text -> first audio, eleven_turbo_v2"),
        Assumption(name: .ttsLatencyTurboV2_5, defaultValue: 250_000, unit: .seconds,
                   meaning: "text -> first audio, eleven_turbo_v2_5"),
        Assumption(name: .ttsLatencyMultilingualV2, defaultValue: 400_000, unit: .seconds,
                   meaning: "text -> first audio, eleven_multilingual_v2"),
        Assumption(name: .ttsLatencyV3Conversational, defaultValue: 300_000, unit: .seconds,
                   meaning: "text -> first audio, eleven_v3_conversational"),
        Assumption(name: .generatedFillerLatency, defaultValue: 300_000, unit: .seconds,
                   meaning: "extra time to generate a filler with use_llm_generated_message"),
        Assumption(name: .generatedFillerWords, defaultValue: 2_000_000, unit: .words,
                   meaning: "length of a generated filler"),
        Assumption(name: .spellingPatienceDelay, defaultValue: 1_500_000, unit: .seconds,
                   meaning: "user stops spelling -> agent takes the turn, spelling_patience auto"),
        Assumption(name: .reEngagementFillers, defaultValue: 1_000_000, unit: .onOff,
                   meaning: "soft-timeout fillers also while a re-engagement is generated"),
    ]
}

/// The assumptions in force for a simulation: the defaults, overridden by `name=value` lines.
public struct Assumptions: Equatable, Sendable {
    private var values: [Microseconds] = Assumption.catalog.map(\.defaultValue)
    private var overridden: [Bool] = Assumption.catalog.map { _ in false }

    public init() {}

    public subscript(name: AssumptionName) -> Microseconds {
        values[Self.index(of: name)]
    }

    /// Every assumption in catalog order with its value and whether the user set it.
    public var entries: [(assumption: Assumption, value: Microseconds, isOverridden: Bool)] {
        Assumption.catalog.indices.map { (Assumption.catalog[$0], values[$0], overridden[$0]) }
    }

    /// Sets one assumption; `value` is the decimal text exactly as written.
    public mutating func set(_ name: AssumptionName, to value: Microseconds) {
        let index = Self.index(of: name)
        values[index] = value
        overridden[index] = true
    }

    private static func index(of name: AssumptionName) -> Int {
        Assumption.catalog.firstIndex { $0.name == name }!
    }
}
