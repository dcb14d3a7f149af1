import ConfigModel
import XCTest

final class DecodingTests: XCTestCase {
    private func document(_ text: String) throws -> AgentDocument {
        try AgentDocument.parse(bytes: Array(text.utf8), file: "a.yaml")
    }

    func testQuotedNumberIsAnErrorThatSaysSo() throws {
        let node = try YAMLReader().read("turn_timeout: \"7\"\n", file: "a.yaml")["turn_timeout"]!
        guard case .failure(let error) = ScalarReading.number(node) else { return XCTFail() }
        XCTAssertEqual(error.message, "expected a number, found the quoted text \"7\"; remove the quotes")
        XCTAssertEqual(error.mark, SourceMark(file: "a.yaml", line: 1, column: 15))
    }

    func testWholeNumbersAcceptSevenPointZero() throws {
        let root = try YAMLReader().read("a: 7.0\nb: 7.5\nc: yes\n", file: "a.yaml")
        XCTAssertEqual(try ScalarReading.integer(root["a"]!).get(), 7)
        guard case .failure(let error) = ScalarReading.integer(root["b"]!) else { return XCTFail() }
        XCTAssertEqual(error.message, "expected a whole number, found 7.5")
        guard case .failure(let boolError) = ScalarReading.boolean(root["c"]!) else { return XCTFail() }
        XCTAssertEqual(boolError.message, "expected true or false, found `yes` (YAML 1.1's `yes` is not a boolean here; write true or false)")
    }

    func testDecoderErrorsAreLocated() throws {
        struct Turn: Decodable { var turn_timeout: Double }
        let root = try YAMLReader().read("x: 1\nturn_timeout: [1]\n", file: "a.yaml")
        XCTAssertThrowsError(try NodeDecoder().decode(Turn.self, from: root)) { error in
            XCTAssertEqual(error as? Diagnostic, .error(.yaml, "expected a number, found a list",
                                                            at: SourceMark(file: "a.yaml", line: 2, column: 15)))
        }
        let missing = try YAMLReader().read("x: 1\n", file: "a.yaml")
        XCTAssertThrowsError(try NodeDecoder().decode(Turn.self, from: missing)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "missing `turn_timeout`")
        }
    }

    func testConversionToJSONKeepsEveryKey() throws {
        let doc = try document("""
            name: Desk
            conversation_config:
              agent: {first_message: 1e3, language: no}
              turn: {turn_timeout: 7, speculative_turn: true}
            platform_settings:
              widget: {variant: full, expandable: "yes", size: 3, flag: no, empty: null}
            """)
        let kinds: NodeConversion.KindLookup = { keys in
            switch keys.compactMap({ $0 }).last {
            case "first_message", "language": return .text
            case "turn_timeout": return .number
            case "speculative_turn": return .boolean
            default: return nil
            }
        }
        let json = NodeConversion.json(doc.root, kind: kinds)
        XCTAssertEqual(JSONText.encode(json), #"{"name":"Desk","conversation_config":{"agent":{"first_message":"1e3","language":"no"},"turn":{"turn_timeout":7,"speculative_turn":true}},"platform_settings":{"widget":{"variant":"full","expandable":"yes","size":3,"flag":"no","empty":null}}}"#)
    }
}
