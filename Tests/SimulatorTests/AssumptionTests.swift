import ConfigModel
import XCTest
@testable import Simulator

final class AssumptionTests: XCTestCase {
    func testDefaultsAndOverridesFromFlags() throws {
        var assumptions = Assumptions()
        XCTAssertEqual(assumptions[.llmLatency], 1_000_000)
        XCTAssertEqual(assumptions[.ttsLatencyFlashV2_5], 75_000)
        try AssumptionReader.apply("llm_latency=1.75", to: &assumptions)
        try AssumptionReader.apply(" endpointing_delay.patient = 2 ", to: &assumptions)
        XCTAssertEqual(assumptions[.llmLatency], 1_750_000)
        XCTAssertEqual(assumptions[.endpointingDelayPatient], 2_000_000)
        XCTAssertEqual(assumptions.entries.filter(\.isOverridden).map(\.assumption.name), [.endpointingDelayPatient, .llmLatency])
    }

    func testBadFlagsAreClearErrors() {
        var assumptions = Assumptions()
        let cases = [
            ("llm_latency", "assumption 'llm_latency': expected name=value"),
            ("llm_latency=fast", "assumption 'llm_latency=fast': assumption 'llm_latency' needs a number of seconds such as 0.5, found 'fast'"),
            ("agent_words_per_second=0", "assumption 'agent_words_per_second=0': assumption 'agent_words_per_second' must be more than 0"),
            ("user_words_per_second=-2", "assumption 'user_words_per_second=-2': assumption 'user_words_per_second' needs a number of words per second such as 2.5, found '-2'"),
        ]
        for (input, message) in cases {
            XCTAssertThrowsError(try AssumptionReader.apply(input, to: &assumptions)) { error in
                XCTAssertEqual((error as? SimulatorError)?.message, message)
            }
        }
        XCTAssertThrowsError(try AssumptionReader.apply("speaking_rate=3", to: &assumptions)) { error in
            XCTAssertTrue((error as? SimulatorError)?.message.hasPrefix("assumption 'speaking_rate=3': unknown assumption 'speaking_rate'; known assumptions: agent_words_per_second, user_words_per_second,") ?? false)
        }
        XCTAssertEqual(assumptions, Assumptions(), "a failed override changes nothing")
    }

    func testFileWithCommentsAndLocatedErrors() throws {
        var assumptions = Assumptions()
        try AssumptionReader.apply(fileContents: "# slower LLM\n\nllm_latency = 2.5\n  user_reaction_gap=0.8\n", path: "a.txt", to: &assumptions)
        XCTAssertEqual(assumptions[.llmLatency], 2_500_000)
        XCTAssertEqual(assumptions[.userReactionGap], 800_000)
        var untouched = Assumptions()
        XCTAssertThrowsError(try AssumptionReader.apply(fileContents: "llm_latency=2\n  tts_latency.eleven_flash_v2 = soon\nrate\n", path: "b.txt", to: &untouched)) { error in
            XCTAssertEqual((error as? Diagnostics)?.description, """
            b.txt:2:33: error: [assumptions] assumption 'tts_latency.eleven_flash_v2' needs a number of seconds such as 0.5, found 'soon'
            b.txt:3:1: error: [assumptions] expected name=value
            """)
        }
        XCTAssertEqual(untouched, Assumptions(), "a file with errors applies nothing")
    }

    func testAssumptionsChangeTheTimelineAndAreListedInTheHeader() throws {
        var assumptions = Assumptions()
        try AssumptionReader.apply("tts_latency.eleven_flash_v2=0.2", to: &assumptions)
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello."
        let timeline = try Simulation.run(settings: settings, script: Script(file: "x.sim", lines: []), assumptions: assumptions)
        XCTAssertEqual(timeline.events.first?.t, 200_000)
        XCTAssertTrue(TimelineTextRenderer.render(timeline).contains("\n  tts_latency.eleven_flash_v2 = 0.2 s           text -> first audio, eleven_flash_v2 [set]\n"))
        XCTAssertTrue(TimelineJSONRenderer.render(timeline).contains("\"assumptions_set\": [\"tts_latency.eleven_flash_v2\"]"))
    }

    func testSecondsParsingAndFormattingAreExact() {
        XCTAssertEqual(Seconds.parse("0.1"), 100_000)
        XCTAssertEqual(Seconds.parse("20"), 20_000_000)
        XCTAssertNil(Seconds.parse("1."))
        XCTAssertNil(Seconds.parse(".5"))
        XCTAssertEqual(Seconds.format(7_195_000, decimals: 2), "7.20")
        XCTAssertEqual(Seconds.format(7_194_999, decimals: 2), "7.19")
        XCTAssertEqual(Seconds.shortest(75_000), "0.075")
        XCTAssertEqual(Seconds.shortest(4_000_000), "4")
    }
}
