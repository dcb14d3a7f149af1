import Foundation
import TestSupport
import XCTest
@testable import Simulator

/// The swim-lane picture: well-formed SVG holding one shape per speech, request, timer run and gap.
final class TimelineSVGTests: XCTestCase {
    private func timeline() throws -> Timeline {
        let text = try String(contentsOf: ExampleScriptTests.scriptPath, encoding: .utf8)
        return try Simulation.run(settings: ExampleScriptTests.appointmentAgent,
                                  script: ScriptReader.read(text, file: "agents/scripts/appointment-booking.sim"))
    }

    func testTheExampleRendersAsWellFormedSVGWithEveryLane() throws {
        let timeline = try timeline()
        let svg = TimelineSVGRenderer.render(timeline)
        let (counter, wellFormed) = ElementCounter.parse(svg)
        XCTAssertTrue(wellFormed)
        XCTAssertEqual(counter.all.first?.name, "svg")
        XCTAssertEqual(counter.all.first?.attributes["xmlns"], "http://www.w3.org/2000/svg")
        func shapes(_ classes: String) -> Int { counter.all.filter { $0.attributes["class"] == classes }.count }
        let userLines = timeline.events.filter { $0.kind.name == "user_speech_start" }.count
        XCTAssertEqual(shapes("speech caller"), userLines)
        XCTAssertEqual(shapes("speech agent filler"), timeline.summary.turns.reduce(0) { $0 + $1.fillers })
        XCTAssertEqual(shapes("speech agent first-message"), 1)
        XCTAssertEqual(shapes("speech agent re-engagement"), timeline.summary.reEngagements)
        XCTAssertEqual(shapes("speech agent cut"), timeline.summary.interruptions)
        XCTAssertEqual(shapes("llm"), timeline.events.filter { $0.kind.name == "llm_response" }.count)
        XCTAssertEqual(shapes("gap"), timeline.summary.turns.count)
        XCTAssertEqual(shapes("timer turn-timeout fired"), timeline.summary.reEngagements)
        XCTAssertEqual(shapes("timer soft-timeout fired"), timeline.summary.turns.reduce(0) { $0 + $1.fillers })
        XCTAssertGreaterThan(shapes("timer silence-end-call"), 0)
        XCTAssertEqual(shapes("interruption"), timeline.summary.interruptions)
        XCTAssertTrue(svg.contains(">gap 2.38 s</text>"), "each turn's gap is labelled")
        XCTAssertTrue(svg.contains("&quot;Let me check that for you.&quot; (finished)</title>"), "a filler's words are in its tooltip")
        assertGolden(svg, named: "appointment-booking.svg")
    }

    func testTimerSpansFollowTheRules() throws {
        var settings = SimulationSettings()
        settings.turn.silence_end_call_timeout = 10
        settings.turn.soft_timeout_config.timeout_seconds = 1
        let script = try ScriptReader.read("user: Hi.\nagent 1.5: Hello there.\nsilence 12\n", file: "t.sim")
        let spans = try Simulation.run(settings: settings, script: script).timerSpans
        let fired = spans.filter(\.fired).map(\.timer)
        XCTAssertEqual(fired, [.silenceEndCall, .softTimeout, .turnTimeout], "in order of when each started: \(spans)")
        let silence = try XCTUnwrap(spans.last { $0.timer == .silenceEndCall })
        XCTAssertEqual(silence.end - silence.start, 10_000_000)
    }

    /// A caller who starts exactly when the turn timeout is due stops it ("Ties"): drawn as stopped, not fired.
    func testATimerStoppedAtItsDueTimeDidNotFire() throws {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        let spans = { (start: String) in
            try Simulation.run(settings: settings, script: ScriptReader.read("user @\(start): Hi.\n", file: "t.sim")).timerSpans
                .filter { $0.timer == .turnTimeout }
        }
        XCTAssertEqual(try spans("9.075").first?.fired, false, "the first message ends at 2.075 s; 7 s later the caller speaks")
        XCTAssertEqual(try spans("9.075").first?.end, 9_075_000)
        XCTAssertEqual(try spans("9.076").first?.fired, true)
    }

    func testTextIsEscaped() throws {
        var settings = SimulationSettings()
        settings.agent.first_message = "Tom & Jerry's <dental> \"clinic\""
        let svg = TimelineSVGRenderer.render(try Simulation.run(settings: settings, script: ScriptReader.read("user: a<b & c\n", file: "x&y.sim")))
        XCTAssertTrue(ElementCounter.parse(svg).1, svg)
        XCTAssertTrue(svg.contains("Tom &amp; Jerry's &lt;dental&gt; &quot;clinic&quot;"))
    }
}
