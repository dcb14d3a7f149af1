import XCTest
@testable import Simulator

/// Golden timelines for each setting on both sides of its threshold, plus the one fact each pair is about.
final class ThresholdTimelineTests: XCTestCase {
    private func agent(_ configure: (inout SimulationSettings) -> Void = { _ in }) -> SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        configure(&settings)
        return settings
    }

    func testSoftTimeoutReplyJustFasterAndJustSlower() throws {
        let settings = agent { $0.turn.soft_timeout_config.timeout_seconds = 3 }
        let script = { (latency: String) in "user: Can I book a cleaning?\nagent \(latency): Yes, what day suits you?\n" }
        try assertTimeline("soft-timeout-reply-just-faster", settings, script("2.99"))
        try assertTimeline("soft-timeout-reply-just-slower", settings, script("3.01"))
        XCTAssertFalse(names(try events(settings, script("2.99"))).contains("soft_timeout"))
        let slower = try events(settings, script("3.01"))
        XCTAssertEqual(names(slower).filter { $0 == "soft_timeout" }.count, 1)
        let fillerEnd = slower.first { $0.kind == .agentSpeechEnd(.filler(number: 1), .finished) }!.t
        let replyStart = slower.first { $0.kind == .agentSpeechStart(.reply(line: 1)) }!.t
        XCTAssertEqual(replyStart, fillerEnd, "a response arriving during a filler waits for the filler to end")
    }

    func testSoftTimeoutTieMeansTheResponseCameInTime() throws {
        let settings = agent { $0.turn.soft_timeout_config.timeout_seconds = 3 }
        XCTAssertFalse(names(try events(settings, "user: Hi there.\nagent 3: Hello!\n")).contains("soft_timeout"))
    }

    func testSoftTimeoutDisabledByMinusOne() throws {
        XCTAssertFalse(names(try events(agent(), "user: Hi there.\nagent 30: Hello!\n")).contains("soft_timeout"))
    }

    func testMultipleSoftTimeoutsUseAdditionalMessagesThenRepeatTheLast() throws {
        let script = "user: Can I move my appointment to next week?\nagent 7: Yes, Tuesday at ten is free.\n"
        let one = agent { $0.turn.soft_timeout_config.timeout_seconds = 1.5 }
        let four = agent {
            $0.turn.soft_timeout_config.timeout_seconds = 1.5
            $0.turn.soft_timeout_config.max_soft_timeouts_per_generation = 4
            $0.turn.soft_timeout_config.additional_soft_timeout_messages = ["Let me check the calendar.", "Still looking."]
        }
        try assertTimeline("soft-timeouts-max-1", one, script)
        try assertTimeline("soft-timeouts-max-4-additional-messages", four, script)
        let timeline = try Simulation.run(settings: four, script: ScriptReader.read(script, file: "t.sim"))
        let fillers = timeline.events.compactMap { event -> String? in
            guard case .agentSpeechStart(let speech) = event.kind, case .filler = speech else { return nil }
            return timeline.text(of: speech).text
        }
        XCTAssertEqual(fillers, ["Hhmmmm...yeah.", "Let me check the calendar.", "Still looking.", "Still looking."])
    }

    func testLLMGeneratedFiller() throws {
        let settings = agent {
            $0.turn.soft_timeout_config.timeout_seconds = 1
            $0.turn.soft_timeout_config.use_llm_generated_message = true
        }
        try assertTimeline("soft-timeout-llm-generated", settings, "user: Is Dr. Patel in on Friday?\nagent 2.5: She is, from nine to five.\n")
    }

    func testTurnTimeoutSilenceJustShorterAndJustLonger() throws {
        let script = { (silence: String) in "user: I'd like to book a cleaning.\nagent: Sure, which day?\nsilence \(silence)\nuser: Thursday.\n" }
        try assertTimeline("turn-timeout-silence-just-shorter", agent(), script("6.9"))
        try assertTimeline("turn-timeout-silence-just-longer", agent(), script("7.1"))
        XCTAssertFalse(names(try events(agent(), script("6.9"))).contains("turn_timeout"))
        XCTAssertEqual(names(try events(agent(), script("7.1"))).filter { $0 == "turn_timeout" }.count, 1)
    }

    func testTurnTimeoutRepeatsAfterEachFurtherSilence() throws {
        let script = "user: I'd like to book a cleaning.\nagent: Sure, which day?\nsilence 30\nagent: Are you still with me?\nuser: Yes, sorry. Thursday.\n"
        try assertTimeline("turn-timeout-repeats", agent(), script)
        XCTAssertEqual(names(try events(agent(), script)).filter { $0 == "turn_timeout" }.count, 3)
    }

    func testInitialWaitTimeWithEmptyFirstMessage() throws {
        let script = "silence 5\nuser: Hello?\n"
        let shorter = agent {
            $0.agent.first_message = ""
            $0.turn.initial_wait_time = 4.9
        }
        let longer = agent {
            $0.agent.first_message = ""
            $0.turn.initial_wait_time = 5.1
        }
        try assertTimeline("initial-wait-time-just-shorter-than-silence", shorter, script)
        try assertTimeline("initial-wait-time-just-longer-than-silence", longer, script)
        XCTAssertEqual(try events(shorter, script).first { $0.kind == .turnTimeout(number: 1) }?.t, 4_900_000)
        XCTAssertFalse(names(try events(longer, script)).contains("turn_timeout"))
    }

    func testInitialWaitTimeUnsetUsesTurnTimeout() throws {
        let settings = agent {
            $0.agent.first_message = ""
            $0.turn.turn_timeout = 4
        }
        XCTAssertEqual(try events(settings, "silence 5\nuser: Hello?\n").first { $0.kind == .turnTimeout(number: 1) }?.t, 4_000_000)
    }

    func testInterruptionsOnOffAndCarried() throws {
        let script = """
        user: What do I need to bring?
        agent: Please bring your insurance card, a photo ID, and a list of your current medications.
        user +1.5: Sorry, can you repeat that?
        agent: Of course. Your insurance card, a photo ID, and your medications.
        """
        let off = agent { $0.conversation.client_events = ["audio", "agent_response"] }
        let carried = agent {
            $0.conversation.client_events = ["audio", "agent_response"]
            $0.turn.transcribe_on_disabled_interruptions = true
        }
        try assertTimeline("interruptions-on", agent(), script)
        try assertTimeline("interruptions-off", off, script)
        try assertTimeline("interruptions-off-transcribed", carried, script)
        XCTAssertTrue(names(try events(agent(), script)).contains("interruption"))
        XCTAssertEqual(try events(off, script).first { $0.kind.name == "interruption_ignored" }?.kind,
                       .interruptionIgnored(line: 2, reason: .interruptionsDisabled, carried: false))
        XCTAssertTrue(try events(carried, script).contains { $0.kind == .agentSpeechStart(.reply(line: 3)) })
        XCTAssertFalse(try events(off, script).contains { $0.kind == .agentSpeechStart(.reply(line: 3)) })
    }

    func testInterruptionIgnoreTerms() throws {
        let settings = agent { $0.turn.interruption_ignore_terms = ["gotcha", "mm-hmm"] }
        let script = { (utterance: String) in
            "user: What do I need to bring?\nagent: Please bring your insurance card, a photo ID, and a list of your current medications.\nuser +1.5: \(utterance)\n"
        }
        try assertTimeline("ignore-term-whole-utterance", settings, script("Mm-hmm."))
        try assertTimeline("ignore-term-inside-longer-utterance", settings, script("Mm-hmm, and parking?"))
        XCTAssertEqual(try events(settings, script("Mm-hmm.")).first { $0.kind.name == "interruption_ignored" }?.kind,
                       .interruptionIgnored(line: 2, reason: .ignoreTerm, carried: false))
        XCTAssertTrue(names(try events(settings, script("Mm-hmm, and parking?"))).contains("interruption"))
    }

    func testFirstMessageProtection() throws {
        let script = "user @2: Hi, I need to reschedule.\nagent: Sure, when is your appointment?\n"
        let long = { (protected: Bool) in
            self.agent {
                $0.agent.first_message = "Hello, this call may be recorded for quality purposes. How can I help you today?"
                $0.agent.disable_first_message_interruptions = protected
            }
        }
        try assertTimeline("first-message-protected", long(true), script)
        try assertTimeline("first-message-interruptible", long(false), script)
        XCTAssertEqual(try events(long(true), script).first { $0.kind.name == "interruption_ignored" }?.kind,
                       .interruptionIgnored(line: 0, reason: .firstMessage, carried: false))
        XCTAssertTrue(names(try events(long(false), script)).contains("interruption"))
    }

    func testFirstMessageProtectionEndsWithTheFirstMessage() throws {
        let settings = agent { $0.agent.disable_first_message_interruptions = true }
        let script = "user: Hi.\nagent: Please bring your insurance card, a photo ID, and a list of your medications.\nuser +1: Wait.\n"
        XCTAssertTrue(names(try events(settings, script)).contains("interruption"))
    }
}
