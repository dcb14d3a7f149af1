import AgentSchema
@testable import Simulator
import XCTest

/// Golden timelines for how calls end, eagerness and speculative turns, each on both sides of its threshold.
final class CallEndingTimelineTests: XCTestCase {
    private func agent(_ configure: (inout SimulationSettings) -> Void = { _ in }) -> SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        configure(&settings)
        return settings
    }

    private let longCall = """
    user: I'd like to book a cleaning for next week.
    agent 1.2: Sure. We have Tuesday at ten, Wednesday at two, or Friday at nine. Which one works best for you?
    user: Wednesday at two, please.
    agent 1.5: Done. You're booked for Wednesday at two. Is there anything else I can help you with today?
    user: No, that's all. Thanks!
    agent: You're welcome. Goodbye!
    """

    func testMaxDurationNotReachedCutOffAndClosingMessage() throws {
        let roomy = agent { $0.conversation.max_duration_seconds = 40 }
        let closing = agent {
            $0.conversation.max_duration_seconds = 20
            $0.agent.max_conversation_duration_message = "We have reached the time limit for this call. Goodbye."
        }
        let silent = agent { $0.conversation.max_duration_seconds = 20 }
        try assertTimeline("max-duration-not-reached", roomy, longCall)
        try assertTimeline("max-duration-with-message", closing, longCall)
        try assertTimeline("max-duration-without-message", silent, longCall)
        XCTAssertEqual(try events(roomy, longCall).last?.kind, .callEnd(.scriptEnd))
        let cut = try events(silent, longCall)
        XCTAssertEqual(cut.last, TimelineEvent(t: 20_000_000, kind: .callEnd(.maxDuration)))
        let spoken = try events(closing, longCall)
        XCTAssertTrue(spoken.contains(TimelineEvent(t: 20_075_000, kind: .agentSpeechStart(.maxDurationMessage))))
        XCTAssertEqual(spoken.last?.kind, .callEnd(.maxDuration))
    }

    func testSilenceEndCallJustShorterAndJustLonger() throws {
        let settings = agent { $0.turn.silence_end_call_timeout = 15 }
        let script = { (silence: String) in "user: Can I book a cleaning?\nagent: Sure, which day works for you?\nsilence \(silence)\nuser: Thursday, please.\n" }
        try assertTimeline("silence-end-call-just-shorter", settings, script("10.9"))
        try assertTimeline("silence-end-call-just-longer", settings, script("10.95"))
        XCTAssertEqual(try events(settings, script("10.9")).last?.kind, .callEnd(.scriptEnd))
        let ended = try events(settings, script("10.95"))
        let userStopped = ended.first { $0.kind == .userSpeechEnd(line: 0, .finished) }!.t
        XCTAssertEqual(ended.last, TimelineEvent(t: userStopped + 15_000_000, kind: .callEnd(.silenceTimeout)))
    }

    func testSilenceEndCallOffByDefault() throws {
        XCTAssertEqual(try events(agent(), "silence 100\n").last?.kind, .callEnd(.scriptEnd))
    }

    func testTurnEagerness() throws {
        let script = "user: Can I book a cleaning?\nagent: Sure, which day works for you?\n"
        try assertTimeline("turn-eagerness-eager", agent { $0.turn.turn_eagerness = .eager }, script)
        try assertTimeline("turn-eagerness-patient", agent { $0.turn.turn_eagerness = .patient }, script)
        let delays = try [TurnEagerness.eager, .normal, .patient].map { eagerness in
            try events(agent { $0.turn.turn_eagerness = eagerness }, script).compactMap { event -> Microseconds? in
                if case .userTurnEnd(_, let stopped, _, _) = event.kind { return event.t - stopped }
                return nil
            }
        }
        XCTAssertEqual(delays, [[300_000], [600_000], [1_200_000]])
    }

    func testSpeculativeTurnOffAndOnWithV3Conversational() throws {
        let script = "user: Can I book a cleaning?\nagent 1.5: Sure, which day works for you?\n"
        let v3 = { (speculative: Bool) in
            self.agent {
                $0.tts.model_id = SimulationSettings.v3Conversational
                $0.turn.speculative_turn = speculative
            }
        }
        try assertTimeline("speculative-turn-off", v3(false), script)
        try assertTimeline("speculative-turn-on", v3(true), script)
        let gap = { (settings: SimulationSettings) in try Simulation.run(settings: settings, script: ScriptReader.read(script, file: "t.sim")).summary.turns[0].responseGap }
        XCTAssertEqual(try gap(v3(false)), 600_000 + 1_500_000 + 300_000)
        XCTAssertEqual(try gap(v3(true)), 1_500_000 + 300_000)
    }

    /// "Speculative turn-taking. A separate feature in v3 Conversational": with another TTS model it is flagged, not applied.
    func testSpeculativeTurnWithAnotherTTSModelIsFlaggedNotApplied() throws {
        let script = "user: Can I book a cleaning?\nagent 1.5: Sure, which day works for you?\n"
        let flash = agent { $0.turn.speculative_turn = true }
        let timeline = try Simulation.run(settings: flash, script: ScriptReader.read(script, file: "t.sim"))
        XCTAssertEqual(timeline.summary.turns[0].responseGap, 600_000 + 1_500_000 + 75_000)
        XCTAssertEqual(timeline.warnings.count, 1)
        XCTAssertTrue(timeline.warnings[0].contains("speculative_turn is not applied"), timeline.warnings[0])
        XCTAssertTrue(TimelineTextRenderer.render(timeline).contains("warnings\n  ! turn.speculative_turn is not applied"))
        XCTAssertTrue(try Simulation.run(settings: agent(), script: ScriptReader.read(script, file: "t.sim")).warnings.isEmpty)
    }

    func testUserResumingDuringTheWaitCancelsTheRequest() throws {
        let script = "user: I need to move my appointment.\nuser +3.2: The one on Friday.\nagent 2: Sure, let me find it.\n"
        try assertTimeline("user-resumes-during-llm-wait", agent(), script)
        let kinds = names(try events(agent(), script))
        XCTAssertTrue(kinds.contains("llm_cancelled"))
        XCTAssertEqual(kinds.filter { $0 == "user_turn_end" }.count, 2, "the same turn ends twice")
    }

    func testDisableSoftTimeoutUntilFirstUserMessage() throws {
        let script = "agent 2.5: Hello? Is anyone there?\nuser: Yes, hi, sorry.\nagent 2.5: No problem. How can I help?\n"
        let settings = { (disabled: Bool) in
            self.agent {
                $0.agent.first_message = ""
                $0.turn.soft_timeout_config.timeout_seconds = 1
                $0.turn.soft_timeout_config.disable_until_first_user_message = disabled
            }
        }
        try assertTimeline("soft-timeout-before-first-user-message", settings(false), script)
        try assertTimeline("soft-timeout-disabled-until-first-user-message", settings(true), script)
        XCTAssertEqual(try Simulation.run(settings: settings(false), script: ScriptReader.read(script, file: "t.sim")).summary.reEngagementFillers, 1)
        let suppressed = try Simulation.run(settings: settings(true), script: ScriptReader.read(script, file: "t.sim")).summary
        XCTAssertEqual(suppressed.reEngagementFillers, 0)
        XCTAssertEqual(suppressed.turns.map(\.fillers), [1], "fillers return once the user has spoken")
    }

    func testTTSModelLatency() throws {
        let turbo = agent { $0.tts.model_id = "eleven_turbo_v2_5" }
        XCTAssertEqual(try events(turbo, "").first, TimelineEvent(t: 250_000, kind: .agentSpeechStart(.firstMessage)))
        XCTAssertEqual(try events(agent(), "").first, TimelineEvent(t: 75_000, kind: .agentSpeechStart(.firstMessage)))
    }

    func testTTSSpeedChangesSpeakingTime() throws {
        let fast = agent { $0.tts.speed = 1.25 }
        XCTAssertEqual(try events(fast, "")[1], TimelineEvent(t: 75_000 + 1_600_000, kind: .agentSpeechEnd(.firstMessage, .finished)))
    }
}
