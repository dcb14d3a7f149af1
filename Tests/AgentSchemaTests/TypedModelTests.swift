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

    func testSectionThatDoesNotDecodeLeavesTheOthers() throws {
        let doc = try document("conversation_config:\n  turn:\n    turn_timeout: [x]\n  agent:\n    first_message: Hi\n")
        XCTAssertNil(doc.definition.conversation_config?.turn)
        XCTAssertEqual(doc.definition.conversation_config?.agent?.first_message, "Hi")
    }
}
