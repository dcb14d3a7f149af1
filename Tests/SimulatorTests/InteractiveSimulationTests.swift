import ConfigModel
import XCTest
@testable import Simulator

final class InteractiveSimulationTests: XCTestCase {
    private var settings: SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        settings.turn.soft_timeout_config.timeout_seconds = 2
        return settings
    }

    func testOpeningRunsUntilTheAgentWaitsForTheUser() throws {
        let session = try InteractiveSimulation(settings: settings)
        XCTAssertEqual(names(session.timeline.events), ["agent_speech_start", "agent_speech_end"])
        XCTAssertFalse(session.hasEnded)
    }

    func testSteppingGivesTheSameCallAsTheWholeScript() throws {
        var session = try InteractiveSimulation(settings: settings, file: "typed")
        var stepped = session.timeline.events
        stepped += try session.say("I need to move my appointment.")
        stepped += try session.staySilent(for: 8)
        stepped += try session.say("Sorry, Thursday please.")
        stepped += try session.hangUp()
        let batch = try Simulation.run(settings: settings, script: ScriptReader.read(
            "user: I need to move my appointment.\nsilence 8\nuser: Sorry, Thursday please.\n", file: "typed"))
        XCTAssertEqual(stepped, batch.events)
        XCTAssertEqual(session.timeline.events, batch.events)
        XCTAssertTrue(session.hasEnded)
    }

    func testEachStepReturnsOnlyItsNewEvents() throws {
        var session = try InteractiveSimulation(settings: settings)
        let step = try session.say("Hi.")
        XCTAssertEqual(step.first?.kind, .userSpeechStart(line: 0))
        XCTAssertEqual(step.last?.kind, .agentSpeechEnd(.reply(line: nil), .finished))
    }

    func testLatencyChangeAppliesToTheNextReply() throws {
        var session = try InteractiveSimulation(settings: settings)
        try session.setLatency(seconds: 2.5)
        let step = try session.say("Can I book a cleaning?")
        XCTAssertTrue(step.contains { $0.kind == .llmRequest(Generation(purpose: .reply, line: nil, turn: 1), latency: 2_500_000) })
        XCTAssertTrue(names(step).contains("soft_timeout"))
    }

    func testABadLineLeavesTheSessionAsItWas() throws {
        var session = try InteractiveSimulation(settings: settings, file: "typed")
        _ = try session.say("Hi.")
        let before = session.timeline
        let line = try XCTUnwrap(try ScriptReader.readLine("user @1: too early", number: 2, file: "typed"))
        XCTAssertThrowsError(try session.feed(line)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "typed:2:6: error: [script] this line starts at 1.00 s, before the previous line's event at 4.65 s")
        }
        XCTAssertEqual(session.timeline, before)
        XCTAssertNoThrow(try session.say("Still here."))
    }

    func testAnEndedCallTakesNoMoreInput() throws {
        var ending = settings
        ending.turn.silence_end_call_timeout = 5
        var session = try InteractiveSimulation(settings: ending)
        let step = try session.staySilent(for: 60)
        XCTAssertEqual(step.last?.kind, .callEnd(.silenceTimeout))
        XCTAssertThrowsError(try session.say("hello?")) { XCTAssertEqual(($0 as? SimulatorError)?.message, "the call has already ended") }
        XCTAssertThrowsError(try session.setLatency(seconds: -1))
    }

    /// A `user +N:` line typed after the agent began replying replays the call so the caller can interrupt.
    func testATimedLineInThePastReplaysTheCallAndInterrupts() throws {
        var session = try InteractiveSimulation(settings: settings, file: "typed")
        _ = try session.say("Can I book a cleaning?")
        let line = try XCTUnwrap(try ScriptReader.readLine("user +1: Actually, a filling.", number: 2, file: "typed"))
        let replayed = try session.feed(line)
        XCTAssertEqual(replayed.first?.kind.name, "user_speech_start")
        XCTAssertEqual(replayed.dropFirst().first?.kind.name, "interruption")
        XCTAssertLessThan(replayed[0].t, try XCTUnwrap(session.timeline.events.last).t)
        XCTAssertEqual(session.timeline.summary.interruptions, 1)
    }

    /// `/save` writes the session as a script that, replayed, gives the same call, made-up replies and latencies included.
    func testSavedSessionReplaysTheSameCall() throws {
        var session = try InteractiveSimulation(settings: settings, file: "typed")
        try session.setLatency(seconds: 3)
        _ = try session.say("Can I book a cleaning?")
        _ = try session.staySilent(for: 9)
        try session.setLatency(seconds: 0.5)
        _ = try session.feed(try XCTUnwrap(try ScriptReader.readLine("agent 2: Are you still with me?", number: 3, file: "typed")))
        _ = try session.feed(try XCTUnwrap(try ScriptReader.readLine("user spelling: K O W A L S K I", number: 4, file: "typed")))
        _ = try session.hangUp()
        let text = ScriptWriter.text(of: session.timeline, header: "# saved\n")
        XCTAssertEqual(text, """
        # saved
        user: Can I book a cleaning?
        agent 3: Okay, I can help with that.
        silence 9
        agent 3: Are you still there?
        agent 2: Are you still with me?
        user spelling: K O W A L S K I
        agent 0.5: Okay, I can help with that.

        """)
        let replay = try Simulation.run(settings: settings, script: ScriptReader.read(text, file: "typed"))
        func shape(_ events: [TimelineEvent]) -> [String] { events.map { "\($0.t) \($0.kind.name)" } }
        XCTAssertEqual(shape(replay.events), shape(session.timeline.events))
    }

    func testEveryLineKindWritesBackAsItReads() throws {
        let text = "user: a\nuser +0.5: b\nuser @12.25 spelling: C D\nagent: e\nagent 1.5: f\nsilence 3\n"
        let script = try ScriptReader.read(text, file: "t.sim")
        XCTAssertEqual(script.lines.map(\.source).joined(separator: "\n") + "\n", text)
    }
}
