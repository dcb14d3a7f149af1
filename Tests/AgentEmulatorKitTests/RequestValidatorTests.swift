@testable import AgentEmulatorKit
import XCTest

/// The emulator's 422 answers, worded as pydantic v2 words them.
final class RequestValidatorTests: XCTestCase {
    static let catalog = try! SchemaCatalog.bundled()
    let validator = RequestValidator(catalog: catalog)

    private func check(_ text: String, _ schema: String = "ConversationalConfigAPIModel-Input",
                       at loc: [ValidationIssue.Location] = [.key("body"), .key("conversation_config")])
        throws -> (JSONValue, [ValidationIssue]) {
        validator.check(try JSONParser.parse(Array(text.utf8)), against: Self.catalog.schema(named: schema), at: loc)
    }

    private func summary(_ issues: [ValidationIssue]) -> [String] {
        issues.map { issue in
            let loc = issue.loc.map { location -> String in
                switch location {
                case .key(let name): name
                case .index(let position): String(position)
                }
            }
            return "\(loc.joined(separator: ".")) [\(issue.type)] \(issue.msg)"
        }
    }

    func testDocumentedTurnTimeoutRange() throws {
        XCTAssertEqual(summary(try check(#"{"turn": {"turn_timeout": 0.5}}"#).1),
                       ["body.conversation_config.turn.turn_timeout [greater_than_equal] Input should be greater than or equal to 1"])
        XCTAssertEqual(summary(try check(#"{"turn": {"turn_timeout": 31}}"#).1),
                       ["body.conversation_config.turn.turn_timeout [less_than_equal] Input should be less than or equal to 30"])
        XCTAssertEqual(try check(#"{"turn": {"turn_timeout": 30}}"#).1, [])
    }

    func testSoftTimeoutIsMinusOneOrInItsRange() throws {
        for accepted in ["-1", "0.5", "8", "3.25"] {
            XCTAssertEqual(try check(#"{"turn": {"soft_timeout_config": {"timeout_seconds": \#(accepted)}}}"#).1, [], accepted)
        }
        for refused in ["0", "0.4", "8.5", "-2"] {
            XCTAssertEqual(summary(try check(#"{"turn": {"soft_timeout_config": {"timeout_seconds": \#(refused)}}}"#).1),
                           ["body.conversation_config.turn.soft_timeout_config.timeout_seconds [value_error] "
                            + "Value error, must be -1 to disable or between 0.5 and 8.0"], refused)
        }
    }

    func testEnumsTypesLengthsAndItemCounts() throws {
        let (_, issues) = try check("""
            {"turn": {"turn_eagerness": "frantic", "speculative_turn": "yes",
                      "soft_timeout_config": {"message": "", "additional_soft_timeout_messages": ["1","2","3","4","5","6","7","8"],
                                              "max_soft_timeouts_per_generation": 2.5}},
             "agent": {"prompt": {"max_tokens": "many"}}}
            """)
        XCTAssertEqual(summary(issues), [
            "body.conversation_config.agent.prompt.max_tokens [int_type] Input should be a valid integer",
            "body.conversation_config.turn.soft_timeout_config.additional_soft_timeout_messages [too_long] "
                + "List should have at most 7 items after validation, not 8",
            "body.conversation_config.turn.soft_timeout_config.max_soft_timeouts_per_generation [int_from_float] "
                + "Input should be a valid integer, got a number with a fractional part",
            "body.conversation_config.turn.soft_timeout_config.message [string_too_short] String should have at least 1 character",
            "body.conversation_config.turn.speculative_turn [bool_type] Input should be a valid boolean",
            "body.conversation_config.turn.turn_eagerness [enum] Input should be 'patient', 'normal' or 'eager'",
        ])
    }

    func testTaggedUnionsNameTheTag() throws {
        let (_, issues) = try check("""
            {"agent": {"prompt": {"tools": [{"type": "webhook", "name": "bad name", "description": "d",
                                             "api_schema": {"url": "https://example.com"}, "response_timeout_secs": 1},
                                            {"type": "carrier_pigeon"}, {"name": "untyped"}]}}}
            """)
        XCTAssertEqual(summary(issues).map { $0.replacingOccurrences(of: "body.conversation_config.agent.prompt.tools.", with: "") }, [
            "0.webhook.name [string_pattern_mismatch] String should match pattern '^[a-zA-Z0-9_-]{1,64}$'",
            "0.webhook.response_timeout_secs [greater_than_equal] Input should be greater than or equal to 5.0",
            "1 [union_tag_invalid] Input tag 'carrier_pigeon' found using 'type' does not match any of the expected tags: "
                + "'api_integration_webhook', 'client', 'mcp', 'smb', 'system', 'webhook'",
            "2 [union_tag_not_found] Unable to extract tag using discriminator 'type'",
        ])
    }

    func testMissingRequiredAndModelTypes() throws {
        let (_, issues) = try check(#"{"name": "x"}"#, "Body_Create_Agent_v1_convai_agents_create_post", at: [.key("body")])
        XCTAssertEqual(summary(issues), ["body.conversation_config [missing] Field required"])
        XCTAssertEqual(summary(try check(#"{"turn": 5}"#).1),
                       ["body.conversation_config.turn [model_type] Input should be a valid dictionary or instance of TurnConfig"])
    }

    func testStoredValueDropsUnknownKeysAndMakesFloatsOfIntegers() throws {
        let (stored, issues) = try check(#"{"turn": {"turn_timeout": 9, "not_a_field": true}, "made_up": 1}"#)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(stored, .object(["turn": .object(["turn_timeout": .double(9)])]))
    }

    func testIssueBodyHasFastAPIShape() throws {
        let (_, issues) = try check(#"{"turn": {"turn_timeout": 45}}"#)
        XCTAssertEqual(JSONWriter.string(ValidationIssue.body(issues)), """
            {"detail":[{"ctx":{"le":30},"input":45,"loc":["body","conversation_config","turn","turn_timeout"],\
            "msg":"Input should be less than or equal to 30","type":"less_than_equal"}]}
            """)
    }
}
