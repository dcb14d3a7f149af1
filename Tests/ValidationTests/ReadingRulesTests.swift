import AgentSchema
import ConfigModel
@testable import Validation
import XCTest

/// What the reference states is checked, messages read as plain English, and one bad field hides nothing else.
final class ReadingRulesTests: XCTestCase, AgentRuleTesting {
    func testTaggedValuesAreCheckedAsTheirTagSays() throws {
        let found = try validate(turn("turn_timeout: !!str 7\nsilence_end_call_timeout: !!int \"9\"\ninitial_wait_time: !!null"))
        XCTAssertEqual(found.map(\.ruleID), [.type])
        XCTAssertEqual(found.first?.message, "`conversation_config.turn.turn_timeout`: expected a number, found the text \"7\" (tagged !!str)")
        XCTAssertEqual(try validate(turn("mode: !!null")).map(\.ruleID), [.null])
    }

    func testANullItemInAListOfTextIsAnError() throws {
        let found = try validate(turn("interruption_ignore_terms:\n  - ok\n  -\n  - ~\n  - !!null"))
        XCTAssertEqual(found.map(\.ruleID), [.null, .null, .null])
        XCTAssertEqual(found.map(\.mark.line), [5, 6, 7])
        XCTAssertEqual(found.first?.message, "`conversation_config.turn.interruption_ignore_terms[1]` is empty (null); write the text, or remove the item")
    }

    func testABadFieldDoesNotHideTheGuidanceOnTheRestOfItsSection() throws {
        let found = try validate(turn("turn_eagerness: sometimes\nsilence_end_call_timeout: 3"))
        XCTAssertEqual(found.map(\.ruleID), [.allowedValues, .silenceBeforeReengage])
    }

    func testRequiredFieldsNonNullableMapsAndEnumKeyedMaps() throws {
        let preset = try validate("conversation_config:\n  language_presets:\n    fr:\n      first_message_translation: {text: Bonjour}\n")
        XCTAssertEqual(preset.map(\.message), [
            "`conversation_config.language_presets.fr` needs `overrides`; the API requires it",
            "`conversation_config.language_presets.fr.first_message_translation` needs `source_hash`; the API requires it",
        ])
        XCTAssertEqual(try validate("conversation_config:\n  language_presets: ~\n").map(\.ruleID), [.null])
        XCTAssertEqual(try validate("conversation_config:\n  agent:\n    text_behavior_overrides: ~\n").count, 0, "nullable in the reference")
        let keys = try validate("conversation_config:\n  agent:\n    text_behavior_overrides:\n      widgte: {verbosity: auto}\n      widget: {verbosity: auto}\n")
        XCTAssertEqual(keys.map(\.message), ["`conversation_config.agent.text_behavior_overrides` does not allow the key `widgte`; did you mean `widget`?"])
        XCTAssertEqual(keys.first?.mark, SourceMark(file: "a.yaml", line: 4, column: 7))
    }

    func testAKeyThatOnlyLooksLikeAFieldIsNotThatField() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K", so Swift's String == would call these equal.
        let found = try validate("conversation_config:\n  asr:\n    \u{212A}eywords: [a]\n")
        XCTAssertEqual(found.map(\.message), ["unknown key `\u{212A}eywords` in `conversation_config.asr`; did you mean `keywords`?"])
    }

    func testDeprecatedFieldsReadAsPlainEnglish() throws {
        let found = try validate("conversation_config:\n  agent:\n    prompt:\n      built_in_tools:\n        end_call:\n          name: end_call\n          params: {system_tool_type: end_call}\n          disable_interruptions: true\n")
        let message = try XCTUnwrap(found.first(where: { $0.ruleID == .deprecatedField })?.message)
        XCTAssertTrue(message.hasPrefix("`conversation_config.agent.prompt.built_in_tools.end_call.disable_interruptions` is deprecated; use `interruption_mode` instead."), message)
        XCTAssertFalse(message.lowercased().contains("deprecated: deprecated"), message)
        XCTAssertEqual(FieldChecker.deprecationAdvice("Deprecated."), "")
    }

    func testAnInvisibleCharacterInAKeyIsNamed() throws {
        let found = try validate("name\u{A0}: x\nfoo\u{200B}bar: 1\n")
        XCTAssertEqual(found.map(\.message), [
            "unknown key `name<U+00A0>` (it contains U+00A0 NO-BREAK SPACE) at the top of the file; did you mean `name`?",
            "`foo<U+200B>bar` (it contains U+200B ZERO WIDTH SPACE) is not known to agentctl at the top of the file; it is kept and sent unchanged",
        ])
    }

    func testAProblemReachedThroughAnAliasIsAtTheUseWithANoteAtTheAnchor() throws {
        let found = try validate("conversation_config:\n  turn: &t\n    turn_timeout: 45\n  agent:\n    prompt: *t\n")
        let range = try XCTUnwrap(found.first(where: { $0.ruleID == .range }))
        XCTAssertEqual(range.mark, SourceMark(file: "a.yaml", line: 3, column: 19))
        let unknown = try XCTUnwrap(found.first(where: { $0.ruleID == .unknownField }))
        XCTAssertEqual(unknown.mark, SourceMark(file: "a.yaml", line: 5, column: 13))
        XCTAssertEqual(unknown.notes.map(\.mark), [SourceMark(file: "a.yaml", line: 3, column: 19)])
        XCTAssertEqual(unknown.notes.first?.message, "the value comes from the anchor here")
    }

    func testFillerGuidanceCatchesTimePromisesHoweverWritten() {
        for promise in ["One second please...", "about 20 seconds", "give me ten seconds", "Just a moment.", "a couple of seconds",
                        "Hold on a second", "a second, please", "ten more seconds", "wait a sec", "1.5 minutes"] {
            XCTAssertNotNil(TimePromise.find(in: promise), promise)
        }
        for fine in ["Let me think...", "a second approach", "the second option", "on second thought", "Hmm, secondly",
                     "give me a second try"] {
            XCTAssertNil(TimePromise.find(in: fine), fine)
        }
        XCTAssertEqual(TimePromise.find(in: "about 20 seconds"), "20 seconds")
        XCTAssertEqual(TimePromise.find(in: "a couple of seconds"), "couple of seconds")
    }
}
