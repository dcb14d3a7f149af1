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
        let line = try XCTUnwrap(try ScriptReader.readLine("user @4: too early", number: 2, file: "typed"))
        XCTAssertThrowsError(try session.feed(line)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "typed:2:6: error: [script] this line starts at 4.00 s, but the call is already at 7.05 s")
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
}
