import Foundation
import TestSupport
import XCTest
@testable import Simulator

/// The example script shipped with the example agents, run with the appointment-booking agent's turn settings.
final class ExampleScriptTests: XCTestCase {
    static let scriptPath = Fixtures.repositoryRoot.appendingPathComponent("agents/scripts/appointment-booking.sim")

    static var appointmentAgent: SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hi, this is Ava from Bright Smile Dental. How can I help you today?"
        settings.turn.turn_timeout = 7
        settings.turn.silence_end_call_timeout = 30
        settings.turn.turn_eagerness = .patient
        settings.turn.interruption_ignore_terms = ["mm-hmm", "okay", "got it"]
        settings.turn.soft_timeout_config.timeout_seconds = 3
        settings.turn.soft_timeout_config.message = "Let me check that for you."
        settings.conversation.max_duration_seconds = 600
        settings.conversation.client_events = ["audio", "interruption", "agent_response", "user_transcript"]
        settings.tts.model_id = "eleven_flash_v2_5"
        return settings
    }

    private func timeline() throws -> Timeline {
        let text = try String(contentsOf: Self.scriptPath, encoding: .utf8)
        let script = try ScriptReader.read(text, file: "agents/scripts/appointment-booking.sim")
        return try Simulation.run(settings: Self.appointmentAgent, script: script)
    }

    func testExampleCallTextAndJSONArePinned() throws {
        assertGolden(TimelineTextRenderer.render(try timeline()), named: "appointment-booking.txt")
        assertGolden(TimelineJSONRenderer.render(try timeline()), named: "appointment-booking.json")
    }

    func testExampleCallShowsEachBehaviour() throws {
        let result = try timeline()
        let summary = result.summary
        XCTAssertEqual(summary.endReason, .scriptEnd)
        XCTAssertEqual(summary.interruptions, 1)
        XCTAssertEqual(summary.ignoredInterruptions, 1)
        XCTAssertEqual(summary.reEngagements, 1)
        XCTAssertGreaterThan(summary.turns.reduce(0) { $0 + $1.fillers }, 0)
        XCTAssertTrue(result.unplayedLines.isEmpty)
    }

    func testRenderingIsByteIdenticalAcrossRuns() throws {
        XCTAssertEqual(TimelineJSONRenderer.render(try timeline()), TimelineJSONRenderer.render(try timeline()))
        XCTAssertEqual(TimelineTextRenderer.render(try timeline()), TimelineTextRenderer.render(try timeline()))
    }

    func testJSONIsValidAndNamesEveryEvent() throws {
        let data = Data(TimelineJSONRenderer.render(try timeline()).utf8)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        let names = Set(events.compactMap { $0["event"] as? String })
        for required in ["agent_speech_start", "agent_speech_end", "user_speech_start", "user_speech_end", "user_turn_end",
                         "llm_request", "llm_response", "soft_timeout", "turn_timeout", "interruption", "interruption_ignored", "call_end"] {
            XCTAssertTrue(names.contains(required), required)
        }
        XCTAssertTrue(events.allSatisfy { $0["t"] is NSNumber })
    }

    /// The example's backchannel keeps the agent talking only because it is an ignore term; without it, it interrupts.
    func testTheBackchannelInterruptsUnlessItIsAnIgnoreTerm() throws {
        let text = try String(contentsOf: Self.scriptPath, encoding: .utf8)
        let script = try ScriptReader.read(text, file: "agents/scripts/appointment-booking.sim")
        let mmHmm = try XCTUnwrap(script.lines.firstIndex { $0.text == "Mm-hmm." })
        var withoutTerm = Self.appointmentAgent
        withoutTerm.turn.interruption_ignore_terms = ["okay", "got it"]
        let interrupted = try Simulation.run(settings: withoutTerm, script: script)
        XCTAssertTrue(interrupted.events.contains { $0.kind == .interruption(line: mmHmm) })
        XCTAssertFalse(ExpectationCheck.evaluate(interrupted).allSatisfy(\.passed), "the example's `expect no interruption` catches it")
        let kept = try timeline()
        XCTAssertTrue(kept.events.contains { $0.kind == .interruptionIgnored(line: mmHmm, reason: .ignoreTerm, carried: false) })
        XCTAssertTrue(ExpectationCheck.evaluate(kept).allSatisfy(\.passed))
    }
}
