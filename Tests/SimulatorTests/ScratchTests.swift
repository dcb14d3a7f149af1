import XCTest
@testable import Simulator

final class ScratchTests: XCTestCase {
    func testPrint() throws {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hi, this is Ava from Bright Smile Dental. How can I help?"
        settings.turn.soft_timeout_config.timeout_seconds = 2
        settings.turn.soft_timeout_config.max_soft_timeouts_per_generation = 2
        settings.turn.soft_timeout_config.additional_soft_timeout_messages = ["Still checking."]
        let script = try ScriptReader.read("""
        user: I need to move my appointment
        agent 4.5: Sure, which day works for you?
        user: Thursday afternoon   # comment
        agent: Thursday at three is free.
        user +0.5: gotcha
        silence 20
        user: hello?
        """, file: "scratch.sim")
        let timeline = try Simulation.run(settings: settings, script: script)
        print(TimelineTextRenderer.render(timeline))
    }
}
