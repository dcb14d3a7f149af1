import ConfigModel
import TestSupport
import Validation
import XCTest

final class RuleTests: XCTestCase {
    private func validate(_ text: String) throws -> [Diagnostic] {
        Validator().validate(try AgentDocument.parse(bytes: Array(text.utf8), file: "a.yaml"))
    }

    private func turn(_ body: String) -> String {
        "conversation_config:\n  turn:\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
    }

    func testTurnTimeoutOutOfRangeNamesTheDocumentedRange() throws {
        let found = try validate(Fixtures.text("agents/turn-timeout-45-on-line-12.yaml"))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].mark, SourceMark(file: "a.yaml", line: 12, column: 19))
        XCTAssertEqual(found[0].message, "`conversation_config.turn.turn_timeout` must be between 1 and 30, found 45 "
            + "(ElevenLabs docs, Conversation flow: \"Turn timeouts must be between 1 and 30 seconds.\")")
        XCTAssertEqual(try validate(turn("turn_timeout: 30")).count, 0)
        XCTAssertEqual(try validate(turn("turn_timeout: 1")).count, 0)
        XCTAssertEqual(try validate(turn("turn_timeout: 0.99")).map(\.ruleID), [.range])
        XCTAssertEqual(try validate(turn("turn_timeout: 30.01")).map(\.ruleID), [.range])
    }

    func testSoftTimeoutIsMinusOneOrHalfToEightSeconds() throws {
        for ok in ["-1", "0.5", "8", "8.0", "3"] {
            XCTAssertEqual(try validate(turn("soft_timeout_config:\n  timeout_seconds: \(ok)")).count, 0, ok)
        }
        for bad in ["0", "0.49", "8.01", "-2", "-0.5"] {
            let found = try validate(turn("soft_timeout_config:\n  timeout_seconds: \(bad)"))
            XCTAssertEqual(found.map(\.ruleID), [.range], bad)
            XCTAssertTrue(found[0].message.contains("must be -1 (disabled) or between 0.5 and 8"), found[0].message)
        }
    }

    func testLengthsCountCodePointsNotGraphemes() throws {
        // 200 family emoji are 200 grapheme clusters but 1,400 code points: the API counts code points.
        let family = "👨‍👩‍👧"
        let tooLong = String(repeating: family, count: 100)
        XCTAssertEqual(tooLong.count, 100)
        let found = try validate(turn("soft_timeout_config:\n  message: \"\(tooLong)\""))
        XCTAssertEqual(found.map(\.ruleID), [.length])
        XCTAssertEqual(found.first?.message, "`conversation_config.turn.soft_timeout_config.message` must be at most 200 characters long, found 500")
        let combining = String(repeating: "e\u{301}", count: 100)  // 100 characters, 200 code points
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  message: \"\(combining)\"")).count, 0)
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  message: \"\(combining)x\"")).map(\.ruleID), [.length])
    }

    func testTypoIsAnErrorWithDidYouMeanAndOtherUnknownKeysWarn() throws {
        let found = try validate(turn("turn_timout: 5\nbrand_new_api_field: true"))
        XCTAssertEqual(found.map(\.ruleID), [.unknownKeyTypo, .unknownField])
        XCTAssertEqual(found[0].message, "unknown key `turn_timout` in `conversation_config.turn`; did you mean `turn_timeout`?")
        XCTAssertEqual(found[0].severity, .error)
        XCTAssertEqual(found[1].severity, .warning)
        XCTAssertEqual(found[1].message, "`brand_new_api_field` is not known to agentctl in `conversation_config.turn`; it is kept and sent unchanged")
        XCTAssertEqual(try validate("nmae: Desk\n").first?.message, "unknown key `nmae` at the top of the file; did you mean `name`?")
    }

    func testUntypedSectionsAreKeptWithoutWarnings() throws {
        XCTAssertEqual(try validate("platform_settings:\n  anything: {goes: here}\nworkflow:\n  nodes: {}\n").count, 0)
    }

    func testEnumTypoSuggestsTheValue() throws {
        let found = try validate(turn("turn_eagerness: eagr"))
        XCTAssertEqual(found.first?.message, "`conversation_config.turn.turn_eagerness` does not allow `eagr`; did you mean `eager`?")
        let other = try validate(turn("turn_eagerness: sometimes"))
        XCTAssertEqual(other.first?.message, "`conversation_config.turn.turn_eagerness` does not allow `sometimes`; allowed: patient, normal, eager")
    }

    func testSilenceEndCallMustOutlastTurnTimeout() throws {
        XCTAssertEqual(try validate(turn("turn_timeout: 10\nsilence_end_call_timeout: 10")).map(\.ruleID), [.silenceBeforeReengage])
        XCTAssertEqual(try validate(turn("turn_timeout: 10\nsilence_end_call_timeout: 10.5")).count, 0)
        XCTAssertEqual(try validate(turn("silence_end_call_timeout: 7")).map(\.ruleID), [.silenceBeforeReengage], "default turn_timeout is 7")
        XCTAssertEqual(try validate(turn("silence_end_call_timeout: -1")).count, 0)
    }

    func testInitialWaitTimeIsIgnoredWithAFirstMessage() throws {
        let base = "conversation_config:\n  turn:\n    initial_wait_time: 5\n  agent:\n    first_message: "
        XCTAssertEqual(try validate(base + "Hello\n").map(\.ruleID), [.initialWaitIgnored])
        XCTAssertEqual(try validate(base + "\"\"\n").count, 0)
    }

    func testFillerThatPromisesATime() throws {
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  message: One second please...")).map(\.ruleID), [.fillerPromisesTime])
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  additional_soft_timeout_messages: [Hmm, Just a moment]")).map(\.ruleID), [.fillerPromisesTime])
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  message: Let me think...")).count, 0)
    }

    func testDeprecatedFieldsAndValues() throws {
        let found = try validate("conversation_config:\n  tts:\n    optimize_streaming_latency: 3\n    model_id: eleven_turbo_v2\n")
        XCTAssertEqual(found.map(\.ruleID), [.deprecatedField, .deprecatedValue])
        XCTAssertEqual(try validate("conversation_config:\n  tts:\n    model_id: eleven_turbo_v2_5\n").map(\.ruleID), [.deprecatedValue])
    }

    func testLLMFillerNeedsAStaticFallback() throws {
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  use_llm_generated_message: true\n  message: \"\"")).map(\.ruleID),
                       [.llmFillerWithoutFallback, .length])
        XCTAssertEqual(try validate(turn("soft_timeout_config:\n  use_llm_generated_message: true\n  message: Hmm")).count, 0)
    }

    func testEveryProblemInTheFileIsReported() throws {
        let found = try validate(turn("turn_timeout: 45\nturn_eagerness: eagr\nspeculative_turn: yes\nsoft_timeout_config:\n  timeout_seconds: 9"))
        XCTAssertEqual(found.map(\.ruleID), [.range, .allowedValues, .type, .range])
        XCTAssertEqual(found.map(\.mark.line), [3, 4, 5, 7])
    }

    func testExampleAgentsAreClean() throws {
        let files = try AgentFileFinder.files(in: [Fixtures.repositoryRoot.appendingPathComponent("agents").path])
        XCTAssertGreaterThanOrEqual(files.count, 3)
        for file in files {
            XCTAssertEqual(Validator().validate(file: file).diagnostics.map(\.message), [], file)
        }
    }
}
