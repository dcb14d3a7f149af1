import AgentSchema
import ConfigModel
import XCTest

final class TypedModelTests: XCTestCase {
    private func document(_ text: String) throws -> AgentDocument {
        try AgentDocument.parse(bytes: Array(text.utf8), file: "a.yaml")
    }

    func testScalarsAreTypedByTheField() throws {
        let doc = try document("""
            name: 1e3
            conversation_config:
              agent:
                first_message: 1e3
                language: no
              turn:
                turn_timeout: 7
                turn_eagerness: patient
                speculative_turn: true
                soft_timeout_config:
                  max_soft_timeouts_per_generation: 2.0
            """)
        let definition = doc.definition
        XCTAssertEqual(definition.name, "1e3")
        XCTAssertEqual(definition.conversation_config?.agent?.first_message, "1e3")
        XCTAssertEqual(definition.conversation_config?.agent?.language, "no")
        XCTAssertEqual(definition.conversation_config?.turn?.turn_timeout, 7)
        XCTAssertEqual(definition.conversation_config?.turn?.turn_eagerness, .patient)
        XCTAssertEqual(definition.conversation_config?.turn?.speculative_turn, true)
        XCTAssertEqual(definition.conversation_config?.turn?.soft_timeout_config?.max_soft_timeouts_per_generation, 2)
    }

    func testAFieldThatDoesNotDecodeLeavesTheOthers() throws {
        let doc = try document("conversation_config:\n  turn:\n    turn_timeout: [x]\n    silence_end_call_timeout: 3\n"
            + "  agent:\n    first_message: Hi\n")
        XCTAssertNil(doc.definition.conversation_config?.turn?.turn_timeout)
        XCTAssertEqual(doc.definition.conversation_config?.turn?.silence_end_call_timeout, 3)
        XCTAssertEqual(doc.definition.conversation_config?.agent?.first_message, "Hi")
    }

    func testAListOfObjectsDoesNotCostItsSectionTheTypedFields() throws {
        let doc = try document("""
            conversation_config:
              tts:
                model_id: eleven_v3_conversational
                suggested_audio_tags: [{tag: happy}]
            """)
        XCTAssertEqual(doc.definition.conversation_config?.tts?.model_id, "eleven_v3_conversational")
    }

    /// Every property of a typed model is a field of the table, with the Swift type of the field's type.
    func testEveryTypedPropertyIsAFieldOfTheTableWithItsType() throws {
        let models: [(String, Any)] = [
            ("", AgentDefinition()), ("conversation_config", ConversationConfig()),
            ("conversation_config.agent", AgentConfig()), ("conversation_config.agent.prompt", PromptConfig()),
            ("conversation_config.tts", TTSConfig()), ("conversation_config.asr", ASRConfig()),
            ("conversation_config.turn", TurnConfig()), ("conversation_config.turn.soft_timeout_config", SoftTimeoutConfig()),
            ("conversation_config.conversation", ConversationSettings()), ("conversation_config.vad", VADConfig()),
            ("conversation_config.language_presets.*", LanguagePreset()),
            ("conversation_config.language_presets.*.first_message_translation", LanguagePresetTranslation()),
        ]
        let scalarTypes: [FieldRule.ValueType: Any.Type] = [
            .text: String?.self, .number: Double?.self, .integer: Int?.self, .boolean: Bool?.self, .textList: [String]?.self,
        ]
        var checked = 0
        for (path, model) in models {
            for child in Mirror(reflecting: model).children {
                let name = try XCTUnwrap(child.label)
                let fieldPath = path.isEmpty ? name : path + "." + name
                let rule = try XCTUnwrap(FieldTable.agent.rule(fieldPath), "\(fieldPath) is not in the table")
                let swiftType = type(of: child.value)
                if let expected = scalarTypes[rule.type], swiftType != TurnEagerness?.self {
                    XCTAssertTrue(swiftType == expected, "\(fieldPath): \(swiftType) for a \(rule.type) field")
                } else if swiftType == TurnEagerness?.self {
                    XCTAssertEqual(TurnEagerness.allCases.map(\.rawValue), rule.allowed, fieldPath)
                } else {
                    XCTAssertTrue([.object, .map].contains(rule.type), "\(fieldPath): \(swiftType) for a \(rule.type) field")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 70)
    }

    func testDefaultsAreTheTables() {
        XCTAssertEqual(FieldTable.agent.defaultValue(at: ["conversation_config", "turn", "turn_timeout"]),
                       .number(JSONNumber(TurnConfig.Default.turn_timeout)))
        XCTAssertEqual(FieldTable.agent.defaultValue(at: ["conversation_config", "tts", "model_id"]),
                       .string(TTSConfig.Default.model_id))
        XCTAssertEqual(FieldTable.agent.defaultValue(at: ["conversation_config", "turn", "turn_eagerness"]),
                       .string(TurnConfig.Default.turn_eagerness.rawValue))
    }
}
