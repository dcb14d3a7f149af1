import XCTest
@testable import Simulator

/// The rules issue 13 corrected or added, each on both sides of its threshold.
final class FidelityTimelineTests: XCTestCase {
    private func agent(_ configure: (inout SimulationSettings) -> Void = { _ in }) -> SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        settings.turn.soft_timeout_config.timeout_seconds = 1
        configure(&settings)
        return settings
    }

    private func run(_ settings: SimulationSettings, _ script: String, assumptions: Assumptions = Assumptions()) throws -> Timeline {
        try Simulation.run(settings: settings, script: ScriptReader.read(script, file: "t.sim"), assumptions: assumptions)
    }

    /// The caller adds words after the filler, while the agent still waits for the LLM: the request restarts.
    private let resumedAfterFiller = """
    user: I need to move my appointment.
    user +4.6: The one on Friday.
    agent: Sure, let me find it.
    """

    /// Every reply takes 3 s, so the first filler plays before the caller goes on.
    private var slowReplies: Assumptions {
        var assumptions = Assumptions()
        assumptions.set(.llmLatency, to: 3_000_000)
        return assumptions
    }

    /// "Soft timeout triggers only once per turn": the restarted request gets no second filler at the default of 1.
    func testSoftTimeoutCountBelongsToTheCallerTurn() throws {
        let once = agent()
        let twice = agent { $0.turn.soft_timeout_config.max_soft_timeouts_per_generation = 2 }
        try assertTimeline("soft-timeout-once-per-caller-turn", once, resumedAfterFiller, assumptions: slowReplies)
        try assertTimeline("soft-timeout-twice-per-caller-turn", twice, resumedAfterFiller, assumptions: slowReplies)
        let onceEvents = try run(once, resumedAfterFiller, assumptions: slowReplies).events
        XCTAssertTrue(names(onceEvents).contains("llm_cancelled"), "the caller's words restart the request")
        XCTAssertEqual(names(onceEvents).filter { $0 == "soft_timeout" }.count, 1)
        let twiceTimeline = try run(twice, resumedAfterFiller, assumptions: slowReplies)
        XCTAssertEqual(names(twiceTimeline.events).filter { $0 == "soft_timeout" }.count, 2)
        XCTAssertTrue(twiceTimeline.events.contains { $0.kind == .softTimeout(number: 2) }, "the count goes on within the turn")
        XCTAssertEqual(twiceTimeline.summary.turns.map(\.fillers), [2])
    }

    func testClosingMessageAtMaxDurationIsNotAnAnswer() throws {
        let settings = { (latency: String) in
            (self.agent {
                $0.conversation.max_duration_seconds = 9
                $0.agent.max_conversation_duration_message = "We have to stop here."
                $0.turn.soft_timeout_config.timeout_seconds = -1
            }, "user: Can I book a cleaning?\nagent \(latency): Yes.\n")
        }
        let (late, lateScript) = settings("5")
        let (early, earlyScript) = settings("1")
        try assertTimeline("closing-message-is-not-an-answer", late, lateScript)
        XCTAssertNil(try run(late, lateScript).summary.turns[0].firstAudioAt)
        XCTAssertTrue(try run(late, lateScript).events.contains { $0.kind == .agentSpeechStart(.maxDurationMessage) })
        XCTAssertNotNil(try run(early, earlyScript).summary.turns[0].replyAt)
    }

    func testSpellingPatienceWaitsLongerAfterASpelledLine() throws {
        let script = "user spelling: K O W A L S K I.\nagent 1: Thank you.\nuser: And my number is on file.\nagent 1: Great.\n"
        let delays = { (settings: SimulationSettings, assumptions: Assumptions) in
            try self.run(settings, script, assumptions: assumptions).events.compactMap { event -> Microseconds? in
                if case .userTurnEnd(_, let stopped, let delay, _) = event.kind {
                    XCTAssertEqual(event.t - stopped, delay)
                    return delay
                }
                return nil
            }
        }
        try assertTimeline("spelling-patience-auto", agent(), script)
        try assertTimeline("spelling-patience-off", agent { $0.turn.spelling_patience = "off" }, script)
        XCTAssertEqual(try delays(agent(), Assumptions()), [1_500_000, 600_000])
        XCTAssertEqual(try delays(agent { $0.turn.spelling_patience = "off" }, Assumptions()), [600_000, 600_000])
        var short = Assumptions()
        short.set(.spellingPatienceDelay, to: 1_000_000)
        XCTAssertEqual(try delays(agent { $0.turn.turn_eagerness = .patient }, short), [1_200_000, 1_200_000],
                       "spelling patience never makes a patient agent quicker")
    }

    func testFillersWhileReEngagingAreAnAssumption() throws {
        let script = "user: Hi.\nagent 0.5: Hello, what can I do for you?\nsilence 12\nagent 2: Are you still there?\nuser: Yes.\n"
        var off = Assumptions()
        off.set(.reEngagementFillers, to: 0)
        try assertTimeline("re-engagement-fillers-on", agent(), script)
        try assertTimeline("re-engagement-fillers-off", agent(), script, assumptions: off)
        XCTAssertEqual(try run(agent(), script).summary.reEngagementFillers, 1)
        XCTAssertEqual(try run(agent(), script, assumptions: off).summary.reEngagementFillers, 0)
        XCTAssertThrowsError(try AssumptionReader.apply("re_engagement_fillers=0.5", to: &off))
    }

    func testUnsaidAgentLinesAndUnreachedLinesAsRanges() throws {
        let settings = agent { $0.conversation.max_duration_seconds = 8 }
        let script = "user: Hi.\nagent 1: Hello.\nagent 1: Also this.\nuser: One.\nuser: Two.\nsilence 3\nagent: Bye.\n"
        let timeline = try run(settings, script)
        XCTAssertEqual(timeline.unsaidAgentLines, [3, 7])
        XCTAssertEqual(TimelineTextRenderer.ranges([4, 5, 6, 9, 11, 12]), "4-6, 9, 11-12")
        let summary = TimelineTextRenderer.summary(timeline)
        XCTAssertTrue(summary.contains("agent lines never said: 3, 7"), summary)
    }

    func testSettingsWithUnpublishedTimingAreFlagged() throws {
        let flagged = agent {
            $0.turn.mode = "silence"
            $0.turn.turn_model = "turn_v2"
            $0.turn.retranscribe_on_turn_timeout = true
        }
        let warnings = flagged.warnings
        XCTAssertEqual(warnings.count, 3, "\(warnings)")
        XCTAssertTrue(warnings[0].contains("turn_model turn_v2 belongs to v3 Conversational"))
        XCTAssertTrue(warnings[1].hasPrefix("turn.mode silence"))
        XCTAssertTrue(warnings[2].hasPrefix("turn.retranscribe_on_turn_timeout"))
        let v3 = agent {
            $0.tts.model_id = SimulationSettings.v3Conversational
            $0.turn.turn_model = "turn_v3"
        }
        XCTAssertTrue(v3.warnings.isEmpty, "\(v3.warnings)")
        XCTAssertTrue(agent().warnings.isEmpty)
    }

    func testScriptsWithoutCallerLinesAreFlagged() throws {
        XCTAssertEqual(try ScriptReader.read("silence 5\n", file: "t.sim").warnings.count, 1)
        XCTAssertTrue(try ScriptReader.read("agent: Hi.\n", file: "t.sim").warnings[0].contains("only agent lines"))
        XCTAssertTrue(try ScriptReader.read("user: Hi.\n", file: "t.sim").warnings.isEmpty)
    }
}
