import AgentSchema
import ConfigModel
import XCTest

/// An API answer whose fields have the wrong types is reported field by field, so it never becomes a file.
final class AnswerShapeTests: XCTestCase {
    private func problems(_ json: String) throws -> [String] {
        let answer = try XCTUnwrap(try JSONParser.parse(json).objectValue)
        return FieldTable.agent.answerShapeProblems(in: answer)
    }

    func testAWellShapedAnswerWithServerFieldsAndNullsPasses() throws {
        XCTAssertEqual(try problems("""
            {"agent_id": "agent_1", "name": "Desk", "tags": ["a"], "metadata": {"created_at_unix_secs": 1},
             "conversation_config": {"turn": {"turn_timeout": 7.0, "turn_eagerness": "eager"}, "tts": {"stability": null}},
             "platform_settings": {"anything": [1, {"x": true}]}}
            """), [])
    }

    func testWrongTypesAreNamedWithWhatWasFound() throws {
        XCTAssertEqual(try problems(#"{"name": 42, "conversation_config": "oops"}"#), [
            "name is a number (42), not text",
            #"conversation_config is text ("oops"), not an object"#,
        ])
        XCTAssertEqual(try problems(#"{"conversation_config": {"turn": {"turn_timeout": "long"}}, "tags": [1]}"#), [
            #"conversation_config.turn.turn_timeout is text ("long"), not a number"#,
            "tags is a list, not a list of text",
        ])
    }
}
